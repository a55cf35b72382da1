using System.Globalization;
using System.Text;

namespace ClinicBot.Knowledge.Text;

/// <summary>Lower-cases, removes accents (canción → cancion) and unifies apostrophes and dashes.</summary>
internal static class TextFolding
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
}
