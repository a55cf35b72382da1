using ClinicBot.Booking.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Ways of declining the optional email, read only from replies without an "@", with the word lists of
/// Content/words/email.json (the <c>skip…</c> lists): a refusal word anywhere ("skip", "none", "n/a", "nope"), a
/// negation close before an email word ("I don't have one", "no email", "forget the email", "sin correo"), an
/// email word close before a refusal ("email not needed"), a refusal phrase ("no tengo", "just call me", "phone
/// only"), or — only when the reply is not a question — a declined pronoun ("rather not share it") or a reply that
/// opens with "no"/"not".
/// </summary>
internal static class EmailSkipPhrases
{
    private const int MaxLength = 160;

    private static readonly string[][] RefusalWords = BookingWords.Email.Phrases("skipRefusalWords");
    private static readonly string[][] NegationLeads = BookingWords.Email.Phrases("skipNegationLeads");
    private static readonly string[][] EmailWords = BookingWords.Email.Phrases("skipEmailWords");
    private static readonly string[][] DeclineLeads = BookingWords.Email.Phrases("skipDeclineLeads");
    private static readonly string[][] DeclinedObjects = BookingWords.Email.Phrases("skipDeclinedObjects");
    private static readonly string[][] RefusalsAfterEmail = BookingWords.Email.Phrases("skipRefusalsAfterEmail");
    private static readonly string[][] RefusalPhrases = BookingWords.Email.Phrases("skipRefusalPhrases");
    private static readonly HashSet<string> OpeningNo = BookingWords.Email.Set("skipOpeningNo");

    public static bool IsSkip(string text)
    {
        if (text.Contains('@'))
        {
            return false;
        }

        var folded = TextFolding.FoldAndCollapseSpaces(text).Trim(' ', '.', '!', ',');
        if (folded.Length == 0 || folded.Length > MaxLength)
        {
            return false;
        }

        var words = WordTokenizer.Words(folded);
        if (AnyAt(words, RefusalWords) || AnyAt(words, RefusalPhrases)
            || Near(words, NegationLeads, EmailWords, maxBetween: 4)
            || Near(words, EmailWords, RefusalsAfterEmail, maxBetween: 3))
        {
            return true;
        }

        var question = folded.Contains('?');
        return !question && (Near(words, DeclineLeads, DeclinedObjects, maxBetween: 3) || (words.Count > 0 && OpeningNo.Contains(words[0])));
    }

    private static bool AnyAt(List<string> words, string[][] phrases) =>
        Enumerable.Range(0, words.Count).Any(start => LengthAt(words, start, phrases) > 0);

    /// <summary>A phrase of <paramref name="first"/> followed, with at most <paramref name="maxBetween"/> words between, by one of <paramref name="then"/>.</summary>
    private static bool Near(List<string> words, string[][] first, string[][] then, int maxBetween)
    {
        for (var start = 0; start < words.Count; start++)
        {
            var length = LengthAt(words, start, first);
            if (length == 0)
            {
                continue;
            }

            var after = start + length;
            for (var next = after; next <= after + maxBetween && next < words.Count; next++)
            {
                if (LengthAt(words, next, then) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The length of the longest phrase that starts at <paramref name="start"/>, or 0.</summary>
    private static int LengthAt(List<string> words, int start, string[][] phrases)
    {
        var longest = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length > longest && start + phrase.Length <= words.Count && phrase.Select((word, i) => words[start + i] == word).All(match => match))
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }
}
