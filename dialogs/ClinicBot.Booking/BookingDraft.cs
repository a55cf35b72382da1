using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Form;

namespace ClinicBot.Booking;

/// <summary>What to ask next in the booking flow (values are stored in dialog state: append, never reorder).</summary>
public enum BookingStep
{
    Name,
    Phone,
    Email,
    CallbackTime,
    ChooseFieldToChange,
    Confirm,
    CallFor,
}

/// <summary>
/// The booking being collected, kept in the dialog state between turns (storage holds it as JSON).
/// Only the minimum: who the call is for, name, phone, optional email and the callback time. The fields and
/// their order are declared in <see cref="BookingForm"/>.
/// </summary>
public sealed class BookingDraft
{
    /// <summary>Set once when the booking dialog begins; makes the save idempotent across retried deliveries.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>Who the call is for when it is not the person booking ("mom", "someone else"); null for themselves.</summary>
    public string? CallFor { get; set; }

    /// <summary>The booker's own name when the call is for someone else and they gave it (optional).</summary>
    public string? BookedBy { get; set; }

    /// <summary>The name of the person the clinic calls.</summary>
    public string? Name { get; set; }

    public string? PhoneE164 { get; set; }

    /// <summary>True once the person gave an email or chose to skip it.</summary>
    public bool EmailAnswered { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset? Callback { get; set; }

    /// <summary>A time asked for before the time question that the clinic can't call at (a Saturday): offered alternatives then.</summary>
    public DateTimeOffset? CallbackWish { get; set; }

    /// <summary>The person asked to change something but has not said what.</summary>
    public bool ChoosingFieldToChange { get; set; }

    /// <summary>The last save failed: the confirmation is asked again without repeating the card.</summary>
    public bool SaveFailed { get; set; }

    public bool ForSomeoneElse => CallFor is not null;

    public BookingStep NextStep() => BookingForm.NextStep(this);

    /// <summary>Forgets one field so that it is asked again (then the flow comes back to the confirmation).</summary>
    public void Clear(BookingField field) => BookingForm.For(field).Clear(this);
}
