namespace ClinicBot.Booking.Fields.Time;

/// <summary>Wall-clock ⇄ instant conversions that respect daylight saving.</summary>
internal static class ZonedClock
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The system zone for an IANA (or Windows) id, looked up once per id.</summary>
    public static TimeZoneInfo Zone(string id) => Zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>
    /// The instant a wall-clock time names in a zone. A time skipped by the spring-forward change is moved
    /// an hour later; a time repeated by the fall-back change is taken at its first (daylight) occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The same instant expressed with the zone's offset at that moment.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly DateIn(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(InZone(instant, zone).DateTime);

    /// <summary>Rounds up to the next multiple of <paramref name="step"/> on the zone's wall clock.</summary>
    public static DateTimeOffset CeilToStep(DateTimeOffset instant, TimeSpan step, TimeZoneInfo zone)
    {
        var local = InZone(instant, zone);
        var ticksIntoDay = local.TimeOfDay.Ticks;
        var remainder = ticksIntoDay % step.Ticks;
        if (remainder == 0)
        {
            return local;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var rounded = TimeSpan.FromTicks(ticksIntoDay - remainder + step.Ticks);
        return rounded >= TimeSpan.FromDays(1)
            ? ToInstant(date.AddDays(1), TimeOnly.MinValue, zone)
            : ToInstant(date, TimeOnly.FromTimeSpan(rounded), zone);
    }
}
