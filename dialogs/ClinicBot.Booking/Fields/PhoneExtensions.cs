using System.Text.RegularExpressions;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Finds an extension written right after a phone number ("832-555-0142 ext 4", "x4", "extension 12", "#4";
/// the markers are in Content/words/phone.json) and takes it out of the text, so the number is read without it
/// and the extension is kept beside it.
/// </summary>
internal static class PhoneExtensions
{
    private const int MaxDigits = 8;

    private static readonly Regex Marker = BuildPattern(BookingWords.Phone.List("extensionMarkers"));

    /// <summary>The text with the extension blanked out (same length, so positions still match), and the extension.</summary>
    public static (string Text, string? Extension) Take(string text)
    {
        var match = Marker.Match(text);
        if (!match.Success)
        {
            return (text, null);
        }

        var blanked = text[..match.Index] + new string(' ', match.Length) + text[(match.Index + match.Length)..];
        return (blanked, match.Groups["ext"].Value);
    }

    // A marker only counts right after a digit (maybe after a comma or bracket), so "box 4" or "#1 choice" is left alone.
    private static Regex BuildPattern(IEnumerable<string> markers)
    {
        var alternatives = string.Join('|', markers.OrderByDescending(m => m.Length).Select(Regex.Escape));
        return new Regex(
            $@"(?<=[0-9][\s,;)]*)(?:{alternatives})\.?\s*:?\s*(?<ext>[0-9]{{1,{MaxDigits}}})(?![0-9])",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
