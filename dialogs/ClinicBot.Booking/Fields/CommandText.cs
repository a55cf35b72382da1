using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>Splits a message into lower-case, accent-free words, keeping clause breaks as "," tokens.</summary>
internal static class CommandText
{
    public const string ClauseBreak = ",";

    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in WordTokenizer.Tokens(TextFolding.FoldAndCollapseSpaces(text), WordTokenizerStyle.KeepingApostrophes))
        {
            if (token.StartsClause && words.Count > 0)
            {
                words.Add(ClauseBreak);
            }

            words.Add(token.Text);
        }

        return words;
    }
}
