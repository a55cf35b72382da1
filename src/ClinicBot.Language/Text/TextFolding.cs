using System.Globalization;
using System.Text;

namespace ClinicBot.Language.Text;

/// <summary>
/// The one text folding every recognizer compares on: lower case, no accents (canción → cancion), one apostrophe,
/// one double quote and one dash.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    continue;
                case UnicodeCategory.DashPunctuation:
                    builder.Append('-');
                    continue;
            }
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }

    /// <summary>Folded, with runs of white space made one space and none at either end.</summary>
    public static string FoldAndCollapseSpaces(string text) => CollapseSpaces(Fold(text));

    /// <summary>Only the folded letters and digits, words separated by one space ("Yes, please!" → "yes please").</summary>
    public static string LettersAndDigits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var builder = new StringBuilder(text.Length);
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().Trim();
    }

    public static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) builder.Append(' ');
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
