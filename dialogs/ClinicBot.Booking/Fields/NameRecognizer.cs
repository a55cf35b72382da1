using System.Globalization;
using System.Text.RegularExpressions;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Recognises a person's full name: strips lead-ins ("my name is", "I'm", "me llamo", "soy"), keeps Unicode
/// letters, accents, apostrophes, hyphens and dots (O'Brien, José García-López, Mary J. Blige), and rejects
/// anything that is not a name with a precise reason (emails, phone numbers, markup, emoji, sentences).
/// </summary>
public sealed partial class NameRecognizer
{
    internal const int MaxLength = 100;
    private const int MaxWords = 6;

    [GeneratedRegex(@"\S+@\S+\.\S+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    public FieldResult<string> Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldResult<string>.Failure(FieldProblem.Empty);
        }

        // Checked on the raw text so a 5,000-character paste is refused before any further work.
        if (text.Length > MaxLength * 2)
        {
            return FieldResult<string>.Failure(FieldProblem.TooLong);
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            return FieldResult<string>.Failure(FieldProblem.InvalidCharacters);
        }

        if (ContainsEmoji(text))
        {
            return FieldResult<string>.Failure(FieldProblem.ContainsEmoji);
        }

        if (text.Contains('<') || text.Contains('>'))
        {
            return FieldResult<string>.Failure(FieldProblem.InvalidCharacters);
        }

        if (EmailShape().IsMatch(text))
        {
            return FieldResult<string>.Failure(FieldProblem.LooksLikeEmail);
        }

        if (text.Count(char.IsAsciiDigit) >= 7)
        {
            return FieldResult<string>.Failure(FieldProblem.LooksLikePhone);
        }

        var name = NameLeadIns.StripTrailing(NameLeadIns.Strip(TextFolding.CollapseSpaces(text.Trim())));
        if (name.Length == 0)
        {
            return FieldResult<string>.Failure(FieldProblem.Empty);
        }

        if (name.Length > MaxLength)
        {
            return FieldResult<string>.Failure(FieldProblem.TooLong);
        }

        if (name.Any(char.IsDigit))
        {
            return FieldResult<string>.Failure(name.All(c => char.IsDigit(c) || c is ' ' or '-') ? FieldProblem.NotAName : FieldProblem.InvalidCharacters);
        }

        // A sentence or request ("what are your hours", "i want to book") is not a name, whatever its punctuation.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxWords || NonNameWords.AnyIn(words.Select(w => w.Trim('?', ',', ';', ':'))))
        {
            return FieldResult<string>.Failure(FieldProblem.NotAName);
        }

        if (!name.All(IsNameCharacter))
        {
            return FieldResult<string>.Failure(FieldProblem.InvalidCharacters);
        }

        if (!words.All(IsNameWord))
        {
            return FieldResult<string>.Failure(FieldProblem.NotAName);
        }

        var cleaned = string.Join(' ', words);
        return words.Length == 1
            ? FieldResult<string>.Failure(FieldProblem.SingleName, cleaned)
            : FieldResult<string>.Success(cleaned);
    }

    private static bool IsNameCharacter(char c) =>
        char.IsLetter(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || c is ' ' or '\'' or '\u2019' or '-' or '.';

    // A word needs a letter, cannot start or end with a hyphen, and has dots only after initials ("J.", "J.R.", "Jr."),
    // not inside longer parts ("ana.ruiz" is a user name, not a name).
    private static bool IsNameWord(string word) =>
        word.Any(char.IsLetter) && !word.StartsWith('-') && !word.EndsWith('-')
        && (!word.Contains('.') || word.Split('.', StringSplitOptions.RemoveEmptyEntries).All(part => part.Length <= 3));

    internal static bool ContainsEmoji(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Letters outside the BMP are rare in names; symbols there (emoji) are common.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && !char.IsLetter(text, i))
                {
                    return true;
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.OtherSymbol || c is '\u200d' or '\ufe0f')
            {
                return true;
            }
        }

        return false;
    }
}
