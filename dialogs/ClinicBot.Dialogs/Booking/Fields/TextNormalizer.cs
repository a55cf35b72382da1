using System.Globalization;
using System.Text;

namespace ClinicBot.Dialogs.Booking.Fields;

/// <summary>Shared text clean-up for the recognizers: lower case, no accents, plain apostrophes, single spaces.</summary>
internal static class TextNormalizer
{
    public static string ForMatching(string text)
    {
        var folded = FoldAccents(text.ToLowerInvariant())
            .Replace('\u2019', '\'')
            .Replace('\u2018', '\'')
            .Replace('\u00b4', '\'')
            .Replace('`', '\'');
        return CollapseSpaces(folded);
    }

    public static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
