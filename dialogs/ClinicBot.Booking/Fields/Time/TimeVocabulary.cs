using ClinicBot.Language.Time;

namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// The words the time parser knows, English and Spanish, accent-free and lower case: the word lists are
/// ClinicBot.Language's time-words.json (<see cref="TimeWords"/>); the day sets and part-of-day spans are here.
/// </summary>
internal static class TimeVocabulary
{
    private static readonly TimeWords Words = TimeWords.Default;

    public static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static readonly IReadOnlySet<DayOfWeek> Weekend = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public static readonly IReadOnlySet<DayOfWeek> AllDays = Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>Weekday words; plural forms ("tuesdays") are handled by the parser.</summary>
    public static IReadOnlyDictionary<string, DayOfWeek> DayNames => Words.DayNames;

    /// <summary>Full day names, for recognising misspellings of them.</summary>
    public static IReadOnlyDictionary<string, DayOfWeek> FullDayNames => Words.FullDayNames;

    /// <summary>Short forms that are also ordinary words ("sat", "sun", "wed"): only days when next to a time or alone.</summary>
    public static IReadOnlySet<string> AmbiguousDayNames => Words.AmbiguousDayNames;

    public static IReadOnlyDictionary<string, int> Months => Words.Months;

    public static IReadOnlyDictionary<string, int> NumberWords => Words.NumberWords;

    public static IReadOnlyDictionary<string, int> MinuteWords => Words.MinuteWords;

    /// <summary>The span of a part of day and the slot it maps to (morning → 10:00, afternoon → 14:00).</summary>
    public static (TimeOnly From, TimeOnly To, TimeOnly? Preferred) Range(PartOfDay part) => part switch
    {
        PartOfDay.EarlyMorning => (new(5, 0), new(8, 59), new(7, 0)),
        PartOfDay.Morning => (new(9, 0), new(11, 59), new(10, 0)),
        PartOfDay.LateMorning => (new(10, 30), new(11, 59), new(11, 0)),
        PartOfDay.Noon => (new(12, 0), new(12, 0), new(12, 0)),
        PartOfDay.Lunch => (new(11, 30), new(13, 30), new(12, 0)),
        PartOfDay.EarlyAfternoon => (new(12, 0), new(14, 0), new(13, 0)),
        PartOfDay.Afternoon => (new(12, 0), new(16, 59), new(14, 0)),
        PartOfDay.LateAfternoon => (new(15, 0), new(16, 59), new(16, 0)),
        PartOfDay.Evening => (new(17, 0), new(20, 59), new(18, 0)),
        PartOfDay.Night => (new(19, 0), new(23, 0), new(19, 0)),
        PartOfDay.AfterWork => (new(17, 0), new(20, 0), new(17, 30)),
        PartOfDay.BeforeWork => (new(6, 0), new(8, 30), new(7, 30)),
        PartOfDay.FirstThing => (new(0, 0), new(11, 59), null),
        _ => (new(0, 0), new(23, 59), null),
    };

    /// <summary>Zone words → IANA ids. "central" is the clinic's own zone.</summary>
    public static IReadOnlyDictionary<string, string> ZoneWords => Words.ZoneWords;

    /// <summary>Words that, right before a zone word, make it a zone ("pacific time", "hora del pacifico").</summary>
    public static IReadOnlySet<string> ZoneFollowers => Words.ZoneFollowers;

    public static IReadOnlySet<string> NegationsBefore => Words.NegationsBefore;

    /// <summary>Phrases after a day or time that rule it out ("weekdays don't work", "mornings are bad").</summary>
    public static string[][] NegationsAfter => Words.NegationsAfter;
}
