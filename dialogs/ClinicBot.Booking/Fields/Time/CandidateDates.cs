namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// Turns the day mentions of a request into the concrete dates to try, in order, within a two-week horizon
/// ("tuesday" → the next two Tuesdays, "the 3rd" → the next 3rd, no day → every day from today), minus the
/// days the person ruled out. Past dates ("yesterday") are kept so the caller can say they have passed.
/// </summary>
internal static class CandidateDates
{
    public const int HorizonDays = 14;

    public static List<DateOnly> From(IReadOnlyList<DayMention> mentions, DateOnly today)
    {
        var positives = mentions.Where(m => !m.Negated).ToList();
        var negatives = mentions.Where(m => m.Negated).ToList();

        IEnumerable<DateOnly> dates;
        if (positives.Count == 0)
        {
            dates = Range(today, HorizonDays);
        }
        else
        {
            var weeks = positives.OfType<WeekMention>().SelectMany(w => DatesOf(w, today)).ToHashSet();
            // With a week named ("tuesday next week"), a weekday means that week's one, not only the coming one.
            var others = positives
                .Where(m => m is not WeekMention)
                .Select(m => weeks.Count > 0 && m is WeekdayMention w ? w with { Recurring = true } : m)
                .SelectMany(m => DatesOf(m, today))
                .ToHashSet();
            if (weeks.Count > 0 && others.Count > 0)
            {
                var both = others.Intersect(weeks).ToList();
                dates = both.Count > 0 ? both : others;
            }
            else
            {
                dates = weeks.Count > 0 ? weeks : others;
            }
        }

        var excluded = negatives.SelectMany(m => DatesOf(m, today, HorizonDays * 2)).ToHashSet();
        return dates.Where(d => !excluded.Contains(d)).Distinct().Order().ToList();
    }

    private static IEnumerable<DateOnly> DatesOf(DayMention mention, DateOnly today, int horizon = HorizonDays) => mention switch
    {
        RelativeDayMention r => [today.AddDays(r.Offset)],
        WeekdayMention w => Weekday(w, today, horizon),
        WeekdaySetMention s => Range(today, horizon).Where(d => s.Days.Contains(d.DayOfWeek)),
        DateMention d => DateOf(d, today),
        DayOfMonthMention m => DayOfMonth(m.Day, today),
        HolidayMention h => [h.Holiday.NextOnOrAfter(today)],
        WeekMention w => Week(w.WeeksAhead, today),
        _ => [],
    };

    // "tuesday" is the coming Tuesday (and the one after only when the coming one is today, which may be
    // over already); "tuesdays" or "any tuesday" is any Tuesday in the horizon.
    private static IEnumerable<DateOnly> Weekday(WeekdayMention mention, DateOnly today, int horizon)
    {
        var all = Range(mention.Next ? today.AddDays(1) : today, horizon).Where(d => d.DayOfWeek == mention.Day).ToList();
        if (mention.Recurring || mention.Negated || all.Count == 0)
        {
            return all;
        }

        return all[0] == today ? all.Take(2) : all.Take(1);
    }

    private static IEnumerable<DateOnly> Range(DateOnly start, int days) => Enumerable.Range(0, days).Select(start.AddDays);

    private static IEnumerable<DateOnly> DateOf(DateMention mention, DateOnly today)
    {
        if (mention.Year is { } year)
        {
            return IsValid(year, mention.Month, mention.Day) ? [new DateOnly(year, mention.Month, mention.Day)] : [];
        }

        // Without a year: this year's date, unless it passed more than a month ago (then next year's).
        for (var y = today.Year; y <= today.Year + 1; y++)
        {
            if (!IsValid(y, mention.Month, mention.Day))
            {
                continue;
            }

            var date = new DateOnly(y, mention.Month, mention.Day);
            if (date >= today.AddDays(-31))
            {
                return [date];
            }
        }

        return [];
    }

    private static IEnumerable<DateOnly> DayOfMonth(int day, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 3; i++, month = month.AddMonths(1))
        {
            if (IsValid(month.Year, month.Month, day) && new DateOnly(month.Year, month.Month, day) >= today)
            {
                return [new DateOnly(month.Year, month.Month, day)];
            }
        }

        return [];
    }

    // ISO weeks (Monday first): "this week" is today to Sunday, "next week" the following Monday to Sunday.
    private static IEnumerable<DateOnly> Week(int weeksAhead, DateOnly today)
    {
        var daysSinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var monday = today.AddDays(-daysSinceMonday + (7 * weeksAhead));
        return Range(monday, 7).Where(d => d >= today);
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
