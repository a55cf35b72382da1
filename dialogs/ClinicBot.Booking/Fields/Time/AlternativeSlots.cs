namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// The open slots nearest to a wish that cannot be met: the same time of day (pulled into opening hours) on
/// the nearest open days, or the earliest slot today when that time is too soon. Returned in time order.
/// </summary>
internal static class AlternativeSlots
{
    public const int MaxAlternatives = 3;

    public static IReadOnlyList<DateTimeOffset> Around(DateTimeOffset requested, DateTimeOffset now, CallbackWindow window)
    {
        var zone = window.TimeZone;
        var earliest = now + window.MinimumNotice;
        var wished = ZonedClock.InZone(requested, zone);
        var timeOfDay = Clamp(TimeOnly.FromDateTime(wished.DateTime), window.Opens, window.LastStart);
        var wishedDate = DateOnly.FromDateTime(wished.DateTime);
        var firstDate = ZonedClock.DateIn(earliest, zone);
        var start = wishedDate.AddDays(-7) > firstDate ? wishedDate.AddDays(-7) : firstDate;

        var slots = new List<DateTimeOffset>();
        for (var date = start; date <= (wishedDate > firstDate ? wishedDate : firstDate).AddDays(21); date = date.AddDays(1))
        {
            if (!window.Days.Contains(date.DayOfWeek) || window.ClosedDates.Contains(date))
            {
                continue;
            }

            var slot = ZonedClock.ToInstant(date, timeOfDay, zone);
            if (slot < earliest)
            {
                slot = EarliestOn(date, earliest, window);
            }

            if (slot >= earliest && window.IsOpenAt(slot))
            {
                slots.Add(slot);
            }
        }

        return slots
            .Distinct()
            .OrderBy(s => (s - requested).Duration())
            .ThenBy(s => s)
            .Take(MaxAlternatives)
            .Order()
            .Select(s => ZonedClock.InZone(s, zone))
            .ToList();
    }

    private static DateTimeOffset EarliestOn(DateOnly date, DateTimeOffset earliest, CallbackWindow window)
    {
        var rounded = ZonedClock.CeilToStep(earliest, window.SlotInterval, window.TimeZone);
        var opening = ZonedClock.ToInstant(date, window.Opens, window.TimeZone);
        return rounded < opening ? opening : rounded;
    }

    private static TimeOnly Clamp(TimeOnly time, TimeOnly min, TimeOnly max) => time < min ? min : time > max ? max : time;
}
