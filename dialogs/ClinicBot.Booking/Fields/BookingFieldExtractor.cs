using ClinicBot.Booking.Fields.Time;

namespace ClinicBot.Booking.Fields;

/// <summary>Fields found in one message; null where the message did not clearly carry that field.</summary>
public sealed record ExtractedBookingFields(string? Name, CallbackPhone? Phone, EmailAnswer? Email, CallbackTimeResult? Callback)
{
    /// <summary>The phone as stored (E.164, with ";ext=" when an extension was given).</summary>
    public string? PhoneE164 => Phone?.Value;

    public bool IsEmpty => Name is null && Phone is null && Email is null && Callback is null;
}

/// <summary>
/// Pulls several booking fields out of one message ("I'm Ana Ruiz, 832-555-0100, tuesday 10am") so the dialog
/// can skip those questions. Conservative by design: a field is taken only when it is unmistakable — a valid
/// phone number, a valid address, a time expression with a clear time marker, and a name only after "my
/// name is"/"I'm" (capitalised) or as a capitalised lead segment next to other fields. "I want to book the
/// free call" yields nothing.
/// </summary>
public sealed class BookingFieldExtractor
{
    private readonly CallbackTimeRecognizer _callback;

    public BookingFieldExtractor(CallbackWindow window)
    {
        _callback = new CallbackTimeRecognizer(window);
    }

    public ExtractedBookingFields Extract(string text, DateTimeOffset now, string? userTimeZoneId = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000)
        {
            return new ExtractedBookingFields(null, null, null, null);
        }

        var remaining = text;

        var (phone, withoutPhones) = PhoneInMessage.Take(remaining);
        remaining = withoutPhones;

        var (email, withoutEmails) = EmailInMessage.Take(remaining);
        remaining = withoutEmails;

        var (name, withoutName) = NameInMessage.Take(remaining, otherFieldsFound: phone is not null || email is not null);
        remaining = withoutName;

        var request = TimeExpressionParser.Parse(remaining, strict: true);
        var callback = request.HasPositiveContent ? _callback.Resolve(request, now, userTimeZoneId) : null;
        if (callback?.Outcome == CallbackOutcome.NotUnderstood)
        {
            callback = null;
        }

        return new ExtractedBookingFields(name, phone, email, callback);
    }
}
