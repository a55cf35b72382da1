namespace ClinicBot.Booking.Fields;

public enum CallbackOutcome
{
    /// <summary><see cref="CallbackTimeResult.Time"/> is the slot to book.</summary>
    Accepted,

    /// <summary>A weekend, evening or early-morning wish; Time is what was asked, Alternatives the nearest open slots.</summary>
    OutsideHours,

    /// <summary>The time asked for has passed; Time is what was asked, Alternatives the nearest open slots.</summary>
    InPast,

    /// <summary>"My time" was said but the person's time zone is not known: ask which zone.</summary>
    ZoneUnknown,

    /// <summary>No day or time could be read from the text.</summary>
    NotUnderstood,

    /// <summary>Open hours and in the future, but inside the minimum notice (e.g. in 20 minutes); Alternatives offered.</summary>
    TooSoon,

    /// <summary>A holiday ("new year's day at 11"): the clinic's holiday schedule is not known; Time is what was
    /// asked, <see cref="CallbackTimeResult.Holiday"/> its name, Alternatives the nearest open weekday slots.</summary>
    Holiday,
}

/// <summary>
/// The callback time read from a message. <see cref="Time"/> and <see cref="Alternatives"/> are in the clinic's
/// zone (America/Chicago offset, daylight saving applied). Time is the booked slot only when
/// <see cref="Outcome"/> is <see cref="CallbackOutcome.Accepted"/>; for OutsideHours/InPast/TooSoon it is the
/// moment the person asked for (for the reply text), and null otherwise. Alternatives (at most 3, in order)
/// are given whenever the wish cannot be accepted as is.
/// </summary>
public sealed record CallbackTimeResult(CallbackOutcome Outcome, DateTimeOffset? Time, IReadOnlyList<DateTimeOffset> Alternatives)
{
    public static CallbackTimeResult NotUnderstood { get; } = new(CallbackOutcome.NotUnderstood, null, []);

    public static CallbackTimeResult ZoneUnknown { get; } = new(CallbackOutcome.ZoneUnknown, null, []);

    public bool IsAccepted => Outcome == CallbackOutcome.Accepted;

    /// <summary>The holiday's name when <see cref="Outcome"/> is <see cref="CallbackOutcome.Holiday"/>.</summary>
    public string? Holiday { get; init; }
}
