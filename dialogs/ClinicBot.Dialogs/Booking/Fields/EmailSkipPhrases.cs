using System.Text.RegularExpressions;

namespace ClinicBot.Dialogs.Booking.Fields;

/// <summary>
/// Ways of declining the optional email: a bare refusal ("skip", "none", "n/a", "no", "pass"), or a negation
/// about having or giving an email ("I don't have one", "no email", "i no have email", "forget the email",
/// "no tengo", "sin correo", "rather not say").
/// </summary>
internal static partial class EmailSkipPhrases
{
    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|um+|uh+|hmm+|sorry|actually|just|please|pls|thanks?)\s+)*(?:skip(?:\s+(?:it|this|that|that one|this one|(?:the\s+)?e-?mail(?:\s+part)?))?|none|nope|nah|no|n/?a|na|nothing|pass|next|no thanks?|no thank you|no gracias|ninguno|no tengo|not really|don'?t have|i don'?t have|rather not|prefer not|i'?d rather not|i prefer not|not needed|not necessary)(?:\s+(?:please|pls|thanks?|thank you|gracias))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareSkip();

    // A negation or "skip/forget" word before an email word, in any order with a few words between.
    [GeneratedRegex(@"\b(?:no|not|don'?t|dont|do not|doesn'?t|haven'?t|have no|never|without|skip|forget|leave out|leave|sin|no tengo|i no have)\b(?:\s+\S+){0,4}?\s+(?:e-?mails?|mail|correos?|one|any|address)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedEmail();

    [GeneratedRegex(@"\b(?:e-?mail|correo)\b(?:\s+\S+){0,3}?\s+(?:not needed|no thanks|is optional|skip|pass|no)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailThenRefusal();

    public static bool IsSkip(string text)
    {
        var normalized = TextNormalizer.ForMatching(text).Trim(' ', '.', '!', ',');
        if (normalized.Length == 0 || normalized.Length > 120)
        {
            return false;
        }

        return BareSkip().IsMatch(normalized)
            || NegatedEmail().IsMatch(normalized)
            || EmailThenRefusal().IsMatch(normalized);
    }
}
