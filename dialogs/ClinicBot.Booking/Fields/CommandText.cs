using System.Text;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>Splits a message into lower-case, accent-free words, keeping clause breaks as "," tokens.</summary>
internal static class CommandText
{
    public const string ClauseBreak = ",";

    public static List<string> Words(string text)
    {
        var normalized = TextFolding.FoldAndCollapseSpaces(text);
        var words = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                current.Append(c);
            }
            else if (c is ',' or '.' or '!' or '?' or ';' or ':')
            {
                Flush();
                if (words.Count > 0 && words[^1] != ClauseBreak)
                {
                    words.Add(ClauseBreak);
                }
            }
            else
            {
                Flush();
            }
        }

        Flush();
        if (words.Count > 0 && words[^1] == ClauseBreak)
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Select(w => w.Trim('\'')).Where(w => w.Length > 0).ToList();
    }
}
