using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking;

/// <summary>How a stored phone (<see cref="CallbackPhone.Value"/>, e.g. "+17135550120;ext=4") is shown and linked.</summary>
public static class PhoneFormat
{
    /// <summary>"+18325550142" → "+1 832-555-0142"; "…;ext=4" → "+1 832-555-0142 ext. 4"; other numbers in E.164.</summary>
    public static string Display(string stored)
    {
        var phone = CallbackPhone.TryParse(stored);
        if (phone is null)
        {
            return stored;
        }

        return WithExtension(IsNanp(phone.E164) ? $"+1 {phone.E164[2..5]}-{phone.E164[5..8]}-{phone.E164[8..]}" : phone.E164, phone);
    }

    /// <summary>For a US reader: "(832) 555-0142 ext. 4"; numbers outside the US keep their international form.</summary>
    public static string National(string stored)
    {
        var phone = CallbackPhone.TryParse(stored);
        if (phone is null)
        {
            return stored;
        }

        return WithExtension(IsNanp(phone.E164) ? $"({phone.E164[2..5]}) {phone.E164[5..8]}-{phone.E164[8..]}" : phone.E164, phone);
    }

    /// <summary>An RFC 3966 tel: URI ("tel:+17135550120;ext=4"), or null when the stored text is not a phone.</summary>
    public static string? TelUri(string stored) => CallbackPhone.TryParse(stored) is { } phone ? "tel:" + phone.Value : null;

    private static bool IsNanp(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal) && e164[2..].All(char.IsAsciiDigit);

    private static string WithExtension(string number, CallbackPhone phone) =>
        phone.Extension is null ? number : $"{number} ext. {phone.Extension}";
}
