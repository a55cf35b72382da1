using System.Text.RegularExpressions;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Ways of declining the optional email, read only from replies without an "@": a refusal word anywhere
/// ("skip", "none", "n/a", "pass", "nope"), a negation about having or giving one ("I don't have one",
/// "no email", "i no have email", "forget the email", "no tengo", "sin correo", "rather not"), "just call
/// me"/"phone only", or a reply that opens with "no"/"not" and is not a question.
/// </summary>
internal static partial class EmailSkipPhrases
{
    [GeneratedRegex(@"\b(?:skip(?:ped|ping)?|none|n/a|na|pass|nope|nah|nada|ninguno|ninguna)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RefusalWord();

    // A negation or "skip/forget" word before an email word, in any order with a few words between.
    [GeneratedRegex(@"\b(?:no|not|don'?t|dont|do not|doesn'?t|haven'?t|have no|never|without|skip|forget|leave out|leave|sin|no tengo|i no have|rather not|prefer not|prefer to not|would not|wouldn'?t)\b(?:\s+\S+){0,4}?\s+(?:e-?mails?|mail|correos?|one|any|address)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedEmail();

    // "rather not share it", "prefer not to give that": only as a statement, not in a question about it.
    [GeneratedRegex(@"\b(?:rather not|prefer not|prefer to not|don'?t want to|would not|wouldn'?t|no quiero)\b(?:\s+\S+){0,3}?\s+(?:it|that|this|mine)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeclinedPronoun();

    [GeneratedRegex(@"\b(?:e-?mail|correo)\b(?:\s+\S+){0,3}?\s+(?:not needed|no thanks|is optional|skip|pass|no)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailThenRefusal();

    [GeneratedRegex(@"\b(?:no tengo|rather not|prefer not|i'?d rather not|no thanks?|no thank you|no gracias|not needed|not necessary|no need|just call|just phone|phone only|only (?:by )?phone|call only|only call|only use (?:my )?phone|not comfortable|don'?t want to (?:give|share)|no quiero)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RefusalPhrase();

    [GeneratedRegex(@"^(?:no|not|nope|nah|no,)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpensWithNo();

    public static bool IsSkip(string text)
    {
        if (text.Contains('@'))
        {
            return false;
        }

        var normalized = TextFolding.FoldAndCollapseSpaces(text).Trim(' ', '.', '!', ',');
        if (normalized.Length == 0 || normalized.Length > 160)
        {
            return false;
        }

        if (RefusalWord().IsMatch(normalized) || NegatedEmail().IsMatch(normalized)
            || EmailThenRefusal().IsMatch(normalized) || RefusalPhrase().IsMatch(normalized))
        {
            return true;
        }

        var question = normalized.Contains('?');
        return !question && (DeclinedPronoun().IsMatch(normalized) || OpensWithNo().IsMatch(normalized));
    }
}
