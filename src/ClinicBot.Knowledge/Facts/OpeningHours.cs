namespace ClinicBot.Knowledge;

/// <summary>
/// Weekly opening hours in the clinic's time zone, and the questions asked about them
/// ("open at this moment?", "when next?"). Daylight saving is handled by <see cref="TimeZoneInfo"/>.
/// </summary>
public sealed class OpeningHours
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly IReadOnlyDictionary<DayOfWeek, DailyHours> _days;

    public OpeningHours(IReadOnlyDictionary<DayOfWeek, DailyHours> days, TimeZoneInfo timeZone)
    {
        _days = days;
        TimeZone = timeZone;
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Monday to Sunday; null for a day the page lists no hours (closed).</summary>
    public IEnumerable<(DayOfWeek Day, DailyHours? Hours)> Week => MondayFirst.Select(d => (d, For(d)));

    public DailyHours? For(DayOfWeek day) => _days.GetValueOrDefault(day);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public bool IsOpenAt(DateTime local) => For(local.DayOfWeek)?.Contains(TimeOnly.FromDateTime(local)) == true;

    public bool IsOpen(DateTimeOffset instant) => IsOpenAt(ToLocal(instant));

    /// <summary>The next local opening time strictly after <paramref name="local"/> (within two weeks), or null.</summary>
    public DateTime? NextOpening(DateTime local)
    {
        for (var offset = 0; offset <= 14; offset++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(offset);
            if (For(date.DayOfWeek) is not { } hours) continue;
            var opening = date.ToDateTime(hours.Open);
            if (opening > local) return opening;
        }
        return null;
    }

    /// <summary>"Mon–Fri 9:00 AM – 5:00 PM": consecutive days with the same hours grouped.</summary>
    public string Summary()
    {
        var groups = new List<string>();
        var week = Week.ToList();
        for (var i = 0; i < week.Count;)
        {
            var j = i;
            while (j + 1 < week.Count && week[j + 1].Hours == week[i].Hours) j++;
            if (week[i].Hours is { } hours)
            {
                var days = i == j ? Short(week[i].Day) : $"{Short(week[i].Day)}–{Short(week[j].Day)}";
                groups.Add($"{days} {hours}");
            }
            i = j + 1;
        }
        return string.Join(", ", groups);
    }

    public static string Short(DayOfWeek day) => day.ToString()[..3];
}
