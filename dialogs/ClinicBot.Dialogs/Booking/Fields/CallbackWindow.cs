namespace ClinicBot.Dialogs.Booking.Fields;

/// <summary>
/// When the clinic can place the free call: the days, the first and the last start time (local to
/// <see cref="TimeZoneId"/>), and how much notice the staff need. A call must START by <see cref="LastStart"/>
/// so it ends before closing (the default 16:30 leaves a half-hour call before 17:00).
/// </summary>
public sealed record CallbackWindow(string TimeZoneId, IReadOnlySet<DayOfWeek> Days, TimeOnly Opens, TimeOnly LastStart, TimeSpan MinimumNotice)
{
    /// <summary>America/Chicago, Monday to Friday, first call 09:00, last call 16:30, at least 1 hour from now.</summary>
    public static CallbackWindow ClinicDefault { get; } = new(
        "America/Chicago",
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0),
        new TimeOnly(16, 30),
        TimeSpan.FromHours(1));

    /// <summary>Offered and "asap" slots start on multiples of this (half hours by default).</summary>
    public TimeSpan SlotInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Dates the clinic is closed on an open weekday (holidays), in the window's zone. Empty by default.</summary>
    public IReadOnlySet<DateOnly> ClosedDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>The time zone the window's days and times are in (daylight saving handled by the system zone data).</summary>
    public TimeZoneInfo TimeZone => Time.ZonedClock.Zone(TimeZoneId);

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && !ClosedDates.Contains(DateOnly.FromDateTime(local.DateTime))
            && time >= Opens && time <= LastStart;
    }
}
