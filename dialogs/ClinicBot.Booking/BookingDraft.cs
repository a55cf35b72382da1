using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking;

/// <summary>What to ask next in the booking flow.</summary>
public enum BookingStep
{
    Name,
    Phone,
    Email,
    CallbackTime,
    ChooseFieldToChange,
    Confirm,
}

/// <summary>
/// The booking being collected, kept in the dialog state between turns (storage holds it as JSON).
/// Only the minimum: name, phone, optional email and the callback time.
/// </summary>
public sealed class BookingDraft
{
    /// <summary>Set once when the booking dialog begins; makes the save idempotent across retried deliveries.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? PhoneE164 { get; set; }

    /// <summary>True once the person gave an email or chose to skip it.</summary>
    public bool EmailAnswered { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset? Callback { get; set; }

    /// <summary>The person asked to change something but has not said what.</summary>
    public bool ChoosingFieldToChange { get; set; }

    /// <summary>The last save failed: the confirmation is asked again without repeating the card.</summary>
    public bool SaveFailed { get; set; }

    public BookingStep NextStep()
    {
        if (Name is null)
        {
            return BookingStep.Name;
        }

        if (PhoneE164 is null)
        {
            return BookingStep.Phone;
        }

        if (!EmailAnswered)
        {
            return BookingStep.Email;
        }

        if (Callback is null)
        {
            return BookingStep.CallbackTime;
        }

        return ChoosingFieldToChange ? BookingStep.ChooseFieldToChange : BookingStep.Confirm;
    }

    /// <summary>Forgets one field so that it is asked again (then the flow comes back to the confirmation).</summary>
    public void Clear(BookingField field)
    {
        switch (field)
        {
            case BookingField.Name:
                Name = null;
                break;
            case BookingField.Phone:
                PhoneE164 = null;
                break;
            case BookingField.Email:
                Email = null;
                EmailAnswered = false;
                break;
            case BookingField.CallbackTime:
                Callback = null;
                break;
        }
    }
}
