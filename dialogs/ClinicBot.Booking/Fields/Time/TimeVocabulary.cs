namespace ClinicBot.Booking.Fields.Time;

/// <summary>The words the time parser knows, English and Spanish, accent-free and lower case.</summary>
internal static class TimeVocabulary
{
    public static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static readonly IReadOnlySet<DayOfWeek> Weekend = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public static readonly IReadOnlySet<DayOfWeek> AllDays = Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>Weekday words; plural forms ("tuesdays") are handled by the parser.</summary>
    public static readonly IReadOnlyDictionary<string, DayOfWeek> DayNames = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["lunes"] = DayOfWeek.Monday, ["mondy"] = DayOfWeek.Monday, ["monady"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["martes"] = DayOfWeek.Tuesday,
        ["tusday"] = DayOfWeek.Tuesday, ["teusday"] = DayOfWeek.Tuesday, ["tuesdsy"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday, ["miercoles"] = DayOfWeek.Wednesday,
        ["wensday"] = DayOfWeek.Wednesday, ["wednsday"] = DayOfWeek.Wednesday, ["wendesday"] = DayOfWeek.Wednesday, ["wednes"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["jueves"] = DayOfWeek.Thursday, ["thrusday"] = DayOfWeek.Thursday, ["thursay"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["viernes"] = DayOfWeek.Friday, ["firday"] = DayOfWeek.Friday, ["fridy"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["sabado"] = DayOfWeek.Saturday, ["saturdy"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["domingo"] = DayOfWeek.Sunday, ["sundy"] = DayOfWeek.Sunday,
    };

    /// <summary>Full day names, for recognising misspellings of them.</summary>
    public static readonly IReadOnlyDictionary<string, DayOfWeek> FullDayNames = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["miercoles"] = DayOfWeek.Wednesday, ["viernes"] = DayOfWeek.Friday,
        ["sabado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
    };

    /// <summary>Short forms that are also ordinary words ("sat", "sun", "wed"): only days when next to a time or alone.</summary>
    public static readonly IReadOnlySet<string> AmbiguousDayNames = new HashSet<string> { "sat", "sun", "wed", "mon" };

    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["enero"] = 1, ["february"] = 2, ["feb"] = 2, ["febrero"] = 2,
        ["march"] = 3, ["mar"] = 3, ["marzo"] = 3, ["april"] = 4, ["apr"] = 4, ["abril"] = 4,
        ["may"] = 5, ["mayo"] = 5, ["june"] = 6, ["jun"] = 6, ["junio"] = 6, ["july"] = 7, ["jul"] = 7, ["julio"] = 7,
        ["august"] = 8, ["aug"] = 8, ["agosto"] = 8, ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["septiembre"] = 9,
        ["october"] = 10, ["oct"] = 10, ["octubre"] = 10, ["november"] = 11, ["nov"] = 11, ["noviembre"] = 11,
        ["december"] = 12, ["dec"] = 12, ["diciembre"] = 12,
    };

    public static readonly IReadOnlyDictionary<string, int> NumberWords = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["una"] = 1, ["uno"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7,
        ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12,
    };

    public static readonly IReadOnlyDictionary<string, int> MinuteWords = new Dictionary<string, int>
    {
        ["fifteen"] = 15, ["thirty"] = 30, ["forty-five"] = 45, ["fortyfive"] = 45, ["oh-five"] = 5, ["ten"] = 10,
        ["twenty"] = 20, ["forty"] = 40, ["fifty"] = 50,
    };

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
    public static readonly IReadOnlyDictionary<string, string> ZoneWords = new Dictionary<string, string>
    {
        ["pacific"] = "America/Los_Angeles", ["pt"] = "America/Los_Angeles", ["pst"] = "America/Los_Angeles", ["pdt"] = "America/Los_Angeles",
        ["california"] = "America/Los_Angeles", ["pacifico"] = "America/Los_Angeles",
        ["mountain"] = "America/Denver", ["mt"] = "America/Denver", ["mst"] = "America/Denver", ["mdt"] = "America/Denver",
        ["arizona"] = "America/Phoenix",
        ["central"] = "America/Chicago", ["ct"] = "America/Chicago", ["cst"] = "America/Chicago", ["cdt"] = "America/Chicago",
        ["texas"] = "America/Chicago", ["houston"] = "America/Chicago",
        ["eastern"] = "America/New_York", ["et"] = "America/New_York", ["est"] = "America/New_York", ["edt"] = "America/New_York",
        ["este"] = "America/New_York",
        ["alaska"] = "America/Anchorage", ["hawaii"] = "Pacific/Honolulu",
        ["utc"] = "Etc/UTC", ["gmt"] = "Etc/UTC",
    };

    /// <summary>Words that, right before a zone word, make it a zone ("pacific time", "hora del pacifico").</summary>
    public static readonly IReadOnlySet<string> ZoneFollowers = new HashSet<string> { "time", "timezone", "zone", "hora", "horario" };

    public static readonly IReadOnlySet<string> NegationsBefore = new HashSet<string>
    {
        "not", "no", "except", "excepto", "menos", "never", "nunca", "sin", "besides", "excluding", "excepting",
        "can't", "cant", "cannot", "unable", "won't", "wont", "busy", "work", "working", "trabajo",
    };

    /// <summary>Phrases after a day or time that rule it out ("weekdays don't work", "mornings are bad").</summary>
    public static readonly string[][] NegationsAfter =
    [
        ["dont"], ["don't"], ["doesnt"], ["doesn't"], ["wont"], ["won't"], ["cant"], ["can't"], ["cannot"],
        ["not"], ["no", "puedo"], ["no", "me", "sirve"], ["no", "funciona"], ["no", "good"], ["bad"], ["busy"], ["impossible"], ["imposible"], ["is", "out"], ["are", "out"],
    ];
}
