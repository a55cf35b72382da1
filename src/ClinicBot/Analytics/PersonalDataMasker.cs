using System.Text.RegularExpressions;

namespace ClinicBot.Analytics;

/// <summary>
/// Masks what can be recognised mechanically in free text before it is stored for the dashboard:
/// email addresses, phone numbers and other long digit runs (dates of birth, member ids). Names and
/// addresses cannot be found this way, which is why the text is also shortened and purged with bookings.
/// </summary>
public static partial class PersonalDataMasker
{
    public const int MaxLength = 300;
    public const string EmailMask = "[email]";
    public const string PhoneMask = "[phone]";
    public const string NumberMask = "[number]";

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shortened = text.Length > MaxLength ? text[..MaxLength] : text;
        var masked = EmailPattern().Replace(shortened, EmailMask);
        masked = DigitRunPattern().Replace(masked, match =>
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            var looksLikeDate = match.Value.Contains('/', StringComparison.Ordinal);
            return digits switch
            {
                >= 7 and <= 15 when !looksLikeDate => PhoneMask,
                >= 5 => NumberMask,
                _ => match.Value,
            };
        });
        return masked.Trim();
    }

    // Also catches obfuscated forms like "jane at example dot com" only partially; the regex covers real addresses.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s*(@|\(at\)|\[at\])\s*[A-Za-z0-9\-]+(\s*(\.|\(dot\)|\[dot\])\s*[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    // A digit, then digits joined by the separators people type in phone numbers and dates.
    [GeneratedRegex(@"[+(]?\d(?:[\s().\-/]{0,3}\d)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DigitRunPattern();
}
