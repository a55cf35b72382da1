namespace ClinicBot.Booking;

/// <summary>How the bot starts a booking: the message that asked for it (it may already carry name, phone, time...).</summary>
public sealed record BookingOptions(string? FirstMessage = null);

public enum BookingOutcome
{
    Booked,
    Cancelled,

    /// <summary>The person said they want no call ("please don't call me"): none was booked.</summary>
    Declined,

    /// <summary>A question could not be answered in a usable way; the person was given the clinic's phone.</summary>
    GaveUp,
}

/// <summary>What the booking dialog ends with.</summary>
public sealed record BookingResult(BookingOutcome Outcome, string? Reference = null);
