using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Understanding;

/// <summary>
/// A message that hands over a name and a phone number ("Hi, I'm Carla Mendes, 713-555-0111, saturday 10am") asks
/// for a call even without the word "book": the bot starts the booking with those details rather than answering
/// the greeting around them. A phone number alone (a question about a number) is not enough.
/// </summary>
public static class OfferedDetails
{
    public static bool NameAndPhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000) return false;
        var (phone, withoutPhones) = PhoneInMessage.Take(text);
        if (phone is null) return false;
        var (_, withoutEmails) = EmailInMessage.Take(withoutPhones);
        return NameInMessage.Take(withoutEmails, otherFieldsFound: true).Name is not null;
    }
}
