using System.Text.RegularExpressions;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// A phone number to call back: the number in E.164, the extension to ask for (digits only), and the
/// international dialling prefix the person typed in front of it ("011", "00"), if any. Stored as one text,
/// RFC 3966 style (<c>+17135550120;ext=4</c>), so the booking needs no extra column.
/// </summary>
public sealed partial record CallbackPhone(string E164, string? Extension = null, string? InternationalPrefix = null)
{
    private const string ExtensionParameter = ";ext=";

    /// <summary>The stored form: E.164, plus ";ext=" and the extension when there is one.</summary>
    public string Value => Extension is null ? E164 : E164 + ExtensionParameter + Extension;

    public override string ToString() => Value;

    /// <summary>Reads a stored phone ("+17135550120" or "+17135550120;ext=4"); null when it is neither.</summary>
    public static CallbackPhone? TryParse(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        var match = StoredForm().Match(stored);
        return match.Success
            ? new CallbackPhone(match.Groups["e164"].Value, match.Groups["ext"].Success ? match.Groups["ext"].Value : null)
            : null;
    }

    [GeneratedRegex(@"^(?<e164>\+[1-9][0-9]{6,14})(?:;ext=(?<ext>[0-9]{1,8}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredForm();
}
