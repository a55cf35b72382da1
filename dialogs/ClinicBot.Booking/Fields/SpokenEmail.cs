using System.Text;
using System.Text.RegularExpressions;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Fields;

/// <summary>An address read from words ("sam underscore lee at example dot net" → sam_lee@example.net) and where it was said.</summary>
internal sealed record SpokenAddress(string Address, int Start, int Length);

/// <summary>
/// Reads an email address said in words: the local part and the domain joined by "at", their pieces joined by
/// "dot", "underscore", "dash" or "plus" (Content/words/email.json). Only a run shaped like an address counts:
/// a piece, then connector and piece pairs; a domain needs at least one "dot" (or a typed dot).
/// </summary>
internal static partial class SpokenEmail
{
    private static readonly IReadOnlyList<(string[] Words, string Symbol)> Connectors = BuildConnectors();
    private static readonly string[][] AtWords = BookingWords.Email.Phrases("spokenAt");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Piece();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>The first address said in words in the text, or null.</summary>
    public static SpokenAddress? Find(string text)
    {
        var words = Word().Matches(text).Select(m => (Text: m.Value.ToLowerInvariant().TrimEnd(',', '!', '?', ';'), m.Index, m.Length)).ToList();
        var tokens = words.Select(w => w.Text).ToList();
        for (var i = 1; i < tokens.Count; i++)
        {
            var atLength = MatchAt(tokens, i, AtWords);
            if (atLength == 0)
            {
                continue;
            }

            var local = ReadBackward(tokens, i - 1);
            var domain = ReadForward(tokens, i + atLength);
            if (local is null || domain is null || !domain.Value.Text.Contains('.') || domain.Value.Text.EndsWith('.'))
            {
                continue;
            }

            var first = words[local.Value.FirstIndex];
            var last = words[domain.Value.LastIndex];
            var address = local.Value.Text + "@" + domain.Value.Text.TrimEnd('.');
            return new SpokenAddress(address, first.Index, last.Index + last.Length - first.Index);
        }

        return null;
    }

    // piece (connector piece)* ending at `end`, read backwards.
    private static (string Text, int FirstIndex)? ReadBackward(List<string> tokens, int end)
    {
        if (end < 0 || !Piece().IsMatch(tokens[end]))
        {
            return null;
        }

        var text = tokens[end];
        var first = end;
        while (true)
        {
            var matched = false;
            foreach (var (words, symbol) in Connectors)
            {
                var connectorStart = first - words.Length;
                if (connectorStart < 1 || MatchAt(tokens, connectorStart, [words]) == 0 || !Piece().IsMatch(tokens[connectorStart - 1]))
                {
                    continue;
                }

                text = tokens[connectorStart - 1] + symbol + text;
                first = connectorStart - 1;
                matched = true;
                break;
            }

            if (!matched)
            {
                return (text, first);
            }
        }
    }

    // piece (connector piece)* starting at `start`.
    private static (string Text, int LastIndex)? ReadForward(List<string> tokens, int start)
    {
        if (start >= tokens.Count || !Piece().IsMatch(tokens[start].TrimEnd('.')))
        {
            return null;
        }

        var text = new StringBuilder(tokens[start].TrimEnd('.'));
        var last = start;
        while (true)
        {
            var matched = false;
            foreach (var (words, symbol) in Connectors)
            {
                var next = last + 1;
                var pieceAt = next + words.Length;
                if (pieceAt >= tokens.Count || MatchAt(tokens, next, [words]) == 0 || !Piece().IsMatch(tokens[pieceAt].TrimEnd('.')))
                {
                    continue;
                }

                text.Append(symbol).Append(tokens[pieceAt].TrimEnd('.'));
                last = pieceAt;
                matched = true;
                break;
            }

            if (!matched)
            {
                return (text.ToString(), last);
            }
        }
    }

    private static int MatchAt(List<string> tokens, int index, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (index + phrase.Length <= tokens.Count && phrase.Select((w, k) => tokens[index + k] == w).All(x => x))
            {
                return phrase.Length;
            }
        }

        return 0;
    }

    private static List<(string[] Words, string Symbol)> BuildConnectors()
    {
        var lists = BookingWords.Email;
        return new (string Name, string Symbol)[] { ("spokenDot", "."), ("spokenUnderscore", "_"), ("spokenDash", "-"), ("spokenPlus", "+") }
            .SelectMany(c => lists.Phrases(c.Name).Select(words => (words, c.Symbol)))
            .OrderByDescending(c => c.words.Length)
            .ToList();
    }
}
