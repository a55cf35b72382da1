namespace ClinicBot.Booking.Fields.Time;

internal enum Meridiem
{
    Unspecified,
    Am,
    Pm,
}

/// <summary>A clock time as typed: "4" (no meridiem), "4pm", "16:00", "10:30".</summary>
internal readonly record struct ClockTime(int Hour, int Minute, Meridiem Meridiem)
{
    /// <summary>
    /// Resolves a typed time to a time of day. Without am/pm the part of day decides ("9 in the morning",
    /// "4 in the afternoon"); without either, business-hours sense applies: 1-7 are afternoon, 8-11 morning,
    /// 12 is noon.
    /// </summary>
    public TimeOnly Resolve(PartOfDay? context)
    {
        var hour = Hour;
        var meridiem = Meridiem;
        if (meridiem == Meridiem.Unspecified && hour is >= 1 and <= 12)
        {
            meridiem = context switch
            {
                PartOfDay.EarlyMorning or PartOfDay.Morning or PartOfDay.LateMorning or PartOfDay.BeforeWork => hour == 12 ? Meridiem.Pm : Meridiem.Am,
                PartOfDay.EarlyAfternoon or PartOfDay.Afternoon or PartOfDay.LateAfternoon or PartOfDay.Evening
                    or PartOfDay.Night or PartOfDay.AfterWork => Meridiem.Pm,
                _ => hour is >= 8 and <= 11 ? Meridiem.Am : Meridiem.Pm,
            };
        }

        if (meridiem == Meridiem.Pm && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem == Meridiem.Am && hour == 12)
        {
            hour = 0;
        }

        return new TimeOnly(hour % 24, Minute);
    }

    public ClockTime WithMeridiem(Meridiem meridiem) => this with { Meridiem = meridiem };
}

internal enum PartOfDay
{
    EarlyMorning,
    Morning,
    LateMorning,
    Noon,
    Lunch,
    EarlyAfternoon,
    Afternoon,
    LateAfternoon,
    Evening,
    Night,
    AfterWork,
    BeforeWork,
    FirstThing,
    AnyTime,
}

/// <summary>Something the parser found, with the token span it came from and whether the person ruled it out.</summary>
internal abstract record Mention
{
    public int Start { get; init; }

    public int End { get; init; }

    public bool Negated { get; init; }
}

internal abstract record DayMention : Mention;

/// <summary>today (0), tomorrow (1), the day after tomorrow (2).</summary>
internal sealed record RelativeDayMention(int Offset) : DayMention;

/// <summary>
/// A named weekday; <see cref="Next"/> for "next tuesday" (never today); <see cref="Recurring"/> for "tuesdays",
/// "any tuesday" (any of the next ones will do, not only the coming one).
/// </summary>
internal sealed record WeekdayMention(DayOfWeek Day, bool Next, bool Recurring = false) : DayMention;

/// <summary>"any weekday", "weekdays", "the weekend".</summary>
internal sealed record WeekdaySetMention(IReadOnlySet<DayOfWeek> Days) : DayMention;

/// <summary>"december 3", "12/3", "2026-12-03".</summary>
internal sealed record DateMention(int? Year, int Month, int Day) : DayMention;

/// <summary>"the 3rd": the next date with that day of the month.</summary>
internal sealed record DayOfMonthMention(int Day) : DayMention;

/// <summary>A named holiday ("new year's day", "thanksgiving"): its next date.</summary>
internal sealed record HolidayMention(Holiday Holiday) : DayMention;

/// <summary>"this week" (0) or "next week" (1).</summary>
internal sealed record WeekMention(int WeeksAhead) : DayMention;

internal abstract record TimeMention : Mention;

/// <summary>One or more acceptable clock times in order ("9 or 10").</summary>
internal sealed record ExactTimeMention(IReadOnlyList<ClockTime> Times) : TimeMention;

/// <summary>"after 2pm" (From only), "before noon" (To only), "1-4pm" (both).</summary>
internal sealed record TimeRangeMention(ClockTime? From, ClockTime? To) : TimeMention;

internal sealed record PartOfDayMention(PartOfDay Part) : TimeMention;

/// <summary>asap, now, whenever, the earliest slot.</summary>
internal sealed record AsapMention : TimeMention;

/// <summary>"in 2 hours".</summary>
internal sealed record DelayMention(TimeSpan Delay) : TimeMention;

internal abstract record ZoneMention : Mention;

internal sealed record NamedZoneMention(string TimeZoneId) : ZoneMention;

/// <summary>"my time", "my local time": the person's own zone, which only the channel can tell.</summary>
internal sealed record UserLocalZoneMention : ZoneMention;

/// <summary>Everything the parser found in one message.</summary>
internal sealed record TimeRequest(IReadOnlyList<DayMention> Days, IReadOnlyList<TimeMention> Times, ZoneMention? Zone)
{
    public bool IsEmpty => Days.Count == 0 && Times.Count == 0;

    public bool HasPositiveContent => Days.Any(d => !d.Negated) || Times.Any(t => !t.Negated);

    /// <summary>Token spans the parser used, so a caller can tell which part of a message was about time.</summary>
    public IEnumerable<(int Start, int End)> Spans =>
        Days.Cast<Mention>().Concat(Times).Concat(Zone is null ? [] : [Zone]).Select(m => (m.Start, m.End));
}
