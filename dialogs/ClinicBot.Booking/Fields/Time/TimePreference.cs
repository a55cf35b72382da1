namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// What time of day the person wants, on the wall clock of the zone they spoke in: the times to try first
/// (in order) and, when the wish is a span ("afternoon", "after 2pm", "asap"), the span to search for the
/// earliest free slot when the preferred times do not work.
/// </summary>
internal sealed record TimePreference(IReadOnlyList<TimeOnly> Preferred, TimeOnly? From, TimeOnly? To)
{
    /// <summary>A day with no time said: mid-morning, else the earliest slot that day.</summary>
    private static readonly TimeOnly DayDefault = new(10, 0);

    public bool HasRange => From is not null && To is not null;

    public static TimePreference Of(IReadOnlyList<TimeMention> mentions)
    {
        var positives = mentions.Where(m => !m.Negated).ToList();
        var part = positives.OfType<PartOfDayMention>().Select(p => (PartOfDay?)p.Part).FirstOrDefault()
                   ?? OppositeOfRuledOut(mentions.Where(m => m.Negated).OfType<PartOfDayMention>());
        var asap = positives.OfType<AsapMention>().Any();

        var clock = positives.FirstOrDefault(m => m is ExactTimeMention or TimeRangeMention { From: not null })
                    ?? positives.FirstOrDefault(m => m is TimeRangeMention);

        switch (clock)
        {
            case ExactTimeMention exact:
                return new TimePreference(exact.Times.Select(t => t.Resolve(part)).Distinct().ToList(), null, null);

            case TimeRangeMention { From: { } from } range:
            {
                var start = from.Resolve(part);
                var end = range.To is { } to ? ResolveEnd(to, start, part) : new TimeOnly(23, 59);
                return new TimePreference([start], start, end);
            }

            case TimeRangeMention { To: { } before }:
            {
                var end = before.Resolve(part).Add(TimeSpan.FromMinutes(-1));
                var (partFrom, _, partPreferred) = part is { } p ? TimeVocabulary.Range(p) : (TimeOnly.MinValue, TimeOnly.MinValue, null);
                var preferred = partPreferred is { } pp && pp <= end && !asap ? new[] { pp } : [];
                return new TimePreference(preferred, partFrom, end);
            }
        }

        if (part is { } partOfDay)
        {
            var (from, to, preferred) = TimeVocabulary.Range(partOfDay);
            return new TimePreference(asap || preferred is null ? [] : [preferred.Value], from, to);
        }

        return asap
            ? new TimePreference([], TimeOnly.MinValue, new TimeOnly(23, 59))
            : new TimePreference([DayDefault], TimeOnly.MinValue, new TimeOnly(23, 59));
    }

    // "1 to 4" → 16:00 after a 13:00 start; an end before the start is on the other half of the clock.
    private static TimeOnly ResolveEnd(ClockTime to, TimeOnly start, PartOfDay? part)
    {
        var end = to.Resolve(part);
        if (end < start && to.Meridiem == Meridiem.Unspecified && to.Hour < 12)
        {
            end = end.AddHours(12);
        }

        return end < start ? new TimeOnly(23, 59) : end;
    }

    // "not mornings" → afternoon; "not afternoons/evenings" → morning.
    private static PartOfDay? OppositeOfRuledOut(IEnumerable<PartOfDayMention> ruledOut)
    {
        var first = ruledOut.FirstOrDefault();
        return first?.Part switch
        {
            PartOfDay.EarlyMorning or PartOfDay.Morning or PartOfDay.LateMorning or PartOfDay.FirstThing => PartOfDay.Afternoon,
            PartOfDay.Afternoon or PartOfDay.EarlyAfternoon or PartOfDay.LateAfternoon or PartOfDay.Evening or PartOfDay.Night => PartOfDay.Morning,
            _ => null,
        };
    }
}
