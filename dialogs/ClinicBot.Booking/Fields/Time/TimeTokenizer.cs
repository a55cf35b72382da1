using System.Text.RegularExpressions;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// Turns a message into lower-case, accent-free tokens for the time parser. Clause punctuation becomes a ","
/// token (negation does not cross it); "a.m."/"p.m." become "am"/"pm"; "@" becomes "at" and "~" "around".
/// Tokens such as "10:30am", "1-4pm", "3rd" and "12/3" stay whole.
/// </summary>
internal static partial class TimeTokenizer
{
    public const string ClauseBreak = ",";

    [GeneratedRegex(@"\b([ap])\s?\.\s?m\b\.?", RegexOptions.CultureInvariant)]
    private static partial Regex DottedMeridiem();

    // A dot between digits is a time separator ("10.30"); any other dot ends a clause.
    [GeneratedRegex(@"(?<=\d)\.(?=\d{2}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DotBetweenDigits();

    [GeneratedRegex(@"(?<=\d(?:am|pm|a|p)?)\s*[\u2013\u2014-]\s*(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DashBetweenNumbers();

    [GeneratedRegex(@"\s[\u2013\u2014-]+\s", RegexOptions.CultureInvariant)]
    private static partial Regex FreeDash();

    [GeneratedRegex(@"[\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    public static List<string> Tokenize(string text)
    {
        var s = TextFolding.FoldAndCollapseSpaces(text);
        s = DottedMeridiem().Replace(s, " $1m ");
        s = DotBetweenDigits().Replace(s, ":");
        s = DashBetweenNumbers().Replace(s, "-");
        s = FreeDash().Replace(s, " , ");
        s = s.Replace("@", " at ").Replace("~", " around ").Replace("&", " and ");

        var tokens = new List<string>();
        foreach (var raw in WhiteSpace().Split(s))
        {
            var word = raw;
            var trailingBreak = false;
            while (word.Length > 0 && (word[^1] is ',' or ';' or '!' or '?' or '.' or ')' or '"'))
            {
                word = word[..^1];
                trailingBreak = true;
            }

            var leadingBreak = false;
            while (word.Length > 0 && (word[0] is '(' or '"' or '\'' or ',' or '.' or '!' or '?' or ';' or '-'))
            {
                word = word[1..];
                leadingBreak = word.Length > 0 && raw[0] is '(' or ',' or ';';
            }

            if (leadingBreak)
            {
                AddBreak(tokens);
            }

            foreach (var piece in word.Split(',', ';', '!', '?', '(', ')'))
            {
                if (piece.Length > 0)
                {
                    tokens.Add(piece.TrimEnd(':'));
                }
            }

            if (trailingBreak)
            {
                AddBreak(tokens);
            }
        }

        while (tokens.Count > 0 && tokens[^1] == ClauseBreak)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens.Where(t => t.Length > 0).ToList();
    }

    private static void AddBreak(List<string> tokens)
    {
        if (tokens.Count > 0 && tokens[^1] != ClauseBreak)
        {
            tokens.Add(ClauseBreak);
        }
    }
}
