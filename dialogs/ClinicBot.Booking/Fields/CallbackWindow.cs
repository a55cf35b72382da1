using ClinicBot.Booking.Loading;
using ClinicBot.Knowledge;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// When the clinic can place the free call: the days, the first and the last start time (local to
/// <see cref="TimeZoneId"/>), and how much notice the staff need. A call must START by <see cref="LastStart"/>
/// so it ends before closing (16:30 leaves a half-hour call before 17:00).
/// </summary>
public sealed record CallbackWindow(string TimeZoneId, IReadOnlySet<DayOfWeek> Days, TimeOnly Opens, TimeOnly LastStart, TimeSpan MinimumNotice)
{
    /// <summary>How long the free call takes: the last call starts this long before closing.</summary>
    public static readonly TimeSpan CallLength = TimeSpan.FromMinutes(30);

    /// <summary>How much notice the staff need before a call.</summary>
    public static readonly TimeSpan DefaultNotice = TimeSpan.FromHours(1);

    /// <summary>The window of the clinic's facts as built into the Knowledge content (clinic.json).</summary>
    public static CallbackWindow ClinicDefault { get; } = From(BuiltInClinic.Facts);

    /// <summary>
    /// The window of the clinic's opening hours (clinic.json): the days it opens, in its time zone. One window
    /// serves all those days, so where days differ it is the narrowest: the latest opening and the earliest
    /// closing less <see cref="CallLength"/>.
    /// </summary>
    public static CallbackWindow From(ClinicFacts facts)
    {
        var open = facts.Hours.Week.Where(d => d.Hours is not null).ToList();
        if (open.Count == 0) throw new InvalidDataException("clinic.json lists no opening hours, so no call can be booked.");
        return new CallbackWindow(
            facts.TimeZoneId,
            open.Select(d => d.Day).ToHashSet(),
            open.Max(d => d.Hours!.Open),
            open.Min(d => d.Hours!.Close).Add(-CallLength),
            DefaultNotice)
        {
            ClosedDates = facts.ClosedDates,
        };
    }

    /// <summary>Offered and "asap" slots start on multiples of this (half hours by default).</summary>
    public TimeSpan SlotInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Dates the clinic is closed on an open weekday (clinic.json "closedDates"), in the window's zone. Empty by default.</summary>
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
