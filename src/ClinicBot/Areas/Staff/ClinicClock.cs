using ClinicBot.Knowledge;

namespace ClinicBot.Staff;

/// <summary>
/// The clinic's local time (its time zone from clinic.json): what staff see on the pages and what "a date"
/// means in a filter.
/// </summary>
public sealed class ClinicClock
{
    private readonly TimeProvider _time;

    public ClinicClock(TimeProvider time, ClinicKnowledge knowledge)
    {
        _time = time;
        Zone = knowledge.Facts.Hours.TimeZone;
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => ToLocal(_time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant the clinic's calendar day begins (local midnight), for date filters on stored UTC times.</summary>
    public DateTimeOffset StartOfLocalDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
