namespace ClinicBot.Booking.Fields.Time;

/// <summary>A fixed multi-word expression and what it means.</summary>
internal sealed record TimePhrase(string[] Words, DayMention[] Days, TimeMention[] Times, ZoneMention? Zone, bool StrictOnlyIfNotStrict);

/// <summary>
/// Fixed expressions, longest first so "this afternoon" wins over "afternoon": asap words, relative days,
/// parts of day, weekday sets and "my time". Phrases marked loose ("now", "whenever") are ignored when
/// fields are pulled from a longer message, where they rarely mean a callback time.
/// </summary>
internal static class TimePhrases
{
    public static IReadOnlyList<TimePhrase> All { get; } = Build();

    /// <summary>The phrases by their first word, longest first, so a token is checked only against its own.</summary>
    public static IReadOnlyDictionary<string, TimePhrase[]> ByFirstWord { get; } =
        All.GroupBy(p => p.Words[0]).ToDictionary(g => g.Key, g => g.ToArray());

    private static List<TimePhrase> Build()
    {
        var list = new List<TimePhrase>();

        void Add(string text, DayMention[]? days = null, TimeMention[]? times = null, ZoneMention? zone = null, bool loose = false)
        {
            list.Add(new TimePhrase(text.Split(' '), days ?? [], times ?? [], zone, loose));
        }

        TimeMention[] Part(PartOfDay part) => [new PartOfDayMention(part)];
        DayMention[] Rel(int offset) => [new RelativeDayMention(offset)];
        TimeMention[] asap = [new AsapMention()];
        DayMention[] weekdays = [new WeekdaySetMention(TimeVocabulary.Weekdays)];
        DayMention[] weekend = [new WeekdaySetMention(TimeVocabulary.Weekend)];

        foreach (var p in new[]
                 {
                     "asap", "a.s.a.p", "as soon as possible", "as soon as you can", "as soon as u can", "soonest", "earliest",
                     "first available", "first opening", "next available", "earliest available", "right away", "immediately",
                     "lo antes posible", "cuanto antes", "lo mas pronto posible", "lo mas pronto", "the sooner the better",
                 })
        {
            Add(p, times: asap);
        }

        foreach (var p in new[]
                 {
                     "now", "right now", "ahora", "soon", "whenever", "any time", "anytime", "cuando sea", "cuando puedan",
                     "cualquier hora", "a cualquier hora", "any time works", "anytime works", "no preference", "flexible",
                     "doesn't matter", "doesnt matter", "don't care", "dont care", "up to you", "you choose", "you pick",
                     "whatever works", "whatever is available", "whatever's available", "da igual", "me da igual",
                     "cuando quieran", "lo que sea", "any", "either",
                 })
        {
            Add(p, times: asap, loose: true);
        }

        Add("first thing in the morning", times: Part(PartOfDay.FirstThing));
        Add("first thing", times: Part(PartOfDay.FirstThing));
        Add("as early as possible", times: Part(PartOfDay.FirstThing));

        foreach (var p in new[] { "today", "hoy", "later today", "sometime today", "today sometime" })
        {
            Add(p, days: Rel(0));
        }

        Add("tonight", Rel(0), Part(PartOfDay.Night));
        Add("esta noche", Rel(0), Part(PartOfDay.Night));
        Add("this morning", Rel(0), Part(PartOfDay.Morning));
        Add("esta manana", Rel(0), Part(PartOfDay.Morning));
        Add("this afternoon", Rel(0), Part(PartOfDay.Afternoon));
        Add("esta tarde", Rel(0), Part(PartOfDay.Afternoon));
        Add("this evening", Rel(0), Part(PartOfDay.Evening));
        Add("later this afternoon", Rel(0), Part(PartOfDay.Afternoon));
        Add("a week from today", Rel(7));
        Add("a week from now", Rel(7));
        Add("one week from today", Rel(7));
        Add("yesterday", Rel(-1));
        Add("ayer", Rel(-1));

        foreach (var p in new[] { "tomorrow", "tmrw", "tmr", "tmrow", "tmw", "tomorow", "tommorow", "tommorrow", "tomorrrow", "2morrow", "2moro", "manana" })
        {
            Add(p, days: Rel(1));
        }

        foreach (var p in new[] { "day after tomorrow", "the day after tomorrow", "pasado manana" })
        {
            Add(p, days: Rel(2));
        }

        Add("this week", [new WeekMention(0)]);
        Add("esta semana", [new WeekMention(0)]);
        Add("later this week", [new WeekMention(0)]);
        foreach (var p in new[] { "next week", "la semana que viene", "la proxima semana", "proxima semana", "semana que viene", "early next week", "la otra semana" })
        {
            Add(p, [new WeekMention(1)]);
        }

        Add("end of the week", [new WeekdayMention(DayOfWeek.Friday, false)]);
        Add("end of week", [new WeekdayMention(DayOfWeek.Friday, false)]);

        foreach (var p in new[]
                 {
                     "weekday", "weekdays", "any weekday", "any day", "any day of the week", "any day works", "business day",
                     "business days", "workday", "workdays", "work day", "entre semana", "cualquier dia", "dia de semana",
                     "dias de semana", "during the week", "lunes a viernes", "de lunes a viernes", "monday to friday",
                     "monday through friday", "mon-fri", "m-f",
                 })
        {
            Add(p, weekdays);
        }

        foreach (var p in new[] { "weekend", "weekends", "the weekend", "this weekend", "next weekend", "fin de semana", "el fin de semana", "fines de semana" })
        {
            Add(p, weekend);
        }

        var parts = new (string Text, PartOfDay Part)[]
        {
            ("morning", PartOfDay.Morning), ("mornings", PartOfDay.Morning), ("in the morning", PartOfDay.Morning),
            ("la manana", PartOfDay.Morning), ("las mananas", PartOfDay.Morning), ("morningish", PartOfDay.Morning),
            ("early morning", PartOfDay.EarlyMorning), ("early in the morning", PartOfDay.EarlyMorning), ("madrugada", PartOfDay.EarlyMorning),
            ("late morning", PartOfDay.LateMorning), ("mid morning", PartOfDay.LateMorning), ("mid-morning", PartOfDay.LateMorning),
            ("lunch", PartOfDay.Lunch), ("lunchtime", PartOfDay.Lunch), ("lunch time", PartOfDay.Lunch), ("lunch break", PartOfDay.Lunch),
            ("la hora del almuerzo", PartOfDay.Lunch), ("almuerzo", PartOfDay.Lunch),
            ("after lunch", PartOfDay.EarlyAfternoon), ("despues del almuerzo", PartOfDay.EarlyAfternoon),
            ("before lunch", PartOfDay.LateMorning), ("antes del almuerzo", PartOfDay.LateMorning),
            ("afternoon", PartOfDay.Afternoon), ("afternoons", PartOfDay.Afternoon), ("in the afternoon", PartOfDay.Afternoon),
            ("la tarde", PartOfDay.Afternoon), ("las tardes", PartOfDay.Afternoon), ("tarde", PartOfDay.Afternoon), ("arvo", PartOfDay.Afternoon),
            ("early afternoon", PartOfDay.EarlyAfternoon), ("late afternoon", PartOfDay.LateAfternoon),
            ("end of the day", PartOfDay.LateAfternoon), ("end of day", PartOfDay.LateAfternoon), ("eod", PartOfDay.LateAfternoon),
            ("evening", PartOfDay.Evening), ("evenings", PartOfDay.Evening), ("in the evening", PartOfDay.Evening),
            ("night", PartOfDay.Night), ("nights", PartOfDay.Night), ("at night", PartOfDay.Night), ("la noche", PartOfDay.Night),
            ("noche", PartOfDay.Night),
            ("after work", PartOfDay.AfterWork), ("after i get off work", PartOfDay.AfterWork), ("after i get off", PartOfDay.AfterWork),
            ("after my shift", PartOfDay.AfterWork), ("despues del trabajo", PartOfDay.AfterWork),
            ("before work", PartOfDay.BeforeWork), ("before my shift", PartOfDay.BeforeWork), ("antes del trabajo", PartOfDay.BeforeWork),
            ("business hours", PartOfDay.AnyTime), ("office hours", PartOfDay.AnyTime), ("working hours", PartOfDay.AnyTime),
            ("during the day", PartOfDay.AnyTime), ("during business hours", PartOfDay.AnyTime), ("all day", PartOfDay.AnyTime),
        };
        foreach (var (text, part) in parts)
        {
            Add(text, times: Part(part));
        }

        foreach (var p in new[]
                 {
                     "my time", "my local time", "my timezone", "my time zone", "local time", "my zone", "my end", "where i am",
                     "where i live", "mi hora", "hora local", "mi hora local", "mi zona horaria", "my tz", "in my timezone",
                 })
        {
            Add(p, zone: new UserLocalZoneMention());
        }

        return list.OrderByDescending(p => p.Words.Length).ToList();
    }
}
