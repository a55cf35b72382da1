using ClinicBot.Booking.Fields.Time;
using ClinicBot.Language.Loading;

namespace ClinicBot.Booking.Loading;

/// <summary>
/// The recognisers' word lists (Content/words/*.json), read once at start from Content/booking/words/ next to
/// the app; a file missing or broken there is read from the embedded copy instead and <see cref="LoadWarnings"/>
/// says why.
/// </summary>
public static class BookingWords
{
    private static readonly List<string> Warnings = [];
    private static readonly Lazy<WordLists> ConfirmationLists = new(() => Load("words/confirmation.json", "yes", "yesPhrases", "no", "noPhrases", "fillers", "negators"));
    private static readonly Lazy<WordLists> CommandLists = new(() => Load("words/commands.json", "negations", "fillers", "cancel", "cancelFuzzy", "cancelWhenAlone", "cancelWhenAloneFuzzy", "help", "helpFuzzy", "startOver", "startOverFuzzy", "objectLeads", "bookingObjects", "notTheBookingWhenNext"));
    private static readonly Lazy<WordLists> NameLists = new(() => Load("words/names.json", "nonNameWords"));
    private static readonly Lazy<WordLists> EmailLists = new(() => Load("words/email.json", "commonDomains", "spokenAt", "spokenDot", "spokenUnderscore", "spokenDash", "spokenPlus"));
    private static readonly Lazy<WordLists> QuestionLists = new(() => Load("words/booking-questions.json", "questionCues", "why", "optional", "whatHappens", "changeLater", "fieldName", "fieldPhone", "fieldEmail", "fieldCallbackTime", "declineWords", "declineFillers"));
    private static readonly Lazy<WordLists> RefusalLists = new(() => Load("words/call-refusal.json", "refuseCall", "onlyQuestions"));
    private static readonly Lazy<WordLists> SomeoneElseLists = new(() => Load("words/someone-else.json", "relations", "relationLeads", "someoneElse", "theirNameLeads", "theirPhoneLeads", "bookerNameLeads"));
    private static readonly Lazy<WordLists> PhoneLists = new(() => Load("words/phone.json", "extensionMarkers", "internationalPrefixes"));

    internal static WordLists Confirmation => ConfirmationLists.Value;

    internal static WordLists Commands => CommandLists.Value;

    internal static WordLists Names => NameLists.Value;

    internal static WordLists Email => EmailLists.Value;

    internal static WordLists BookingQuestions => QuestionLists.Value;

    internal static WordLists CallRefusal => RefusalLists.Value;

    internal static WordLists SomeoneElse => SomeoneElseLists.Value;

    internal static WordLists Phone => PhoneLists.Value;

    /// <summary>Reads every file now (so a broken one is reported at start) and returns why any fell back.</summary>
    public static IReadOnlyList<string> LoadAll()
    {
        _ = (Confirmation, Commands, Names, Email, Phone, Holidays.All, BookingQuestions, CallRefusal, SomeoneElse);
        lock (Warnings)
        {
            return Warnings.ToList();
        }
    }

    /// <summary>Fallback warnings of other booking word files (holidays.json), reported with these.</summary>
    internal static void AddWarnings(IEnumerable<string> warnings)
    {
        lock (Warnings)
        {
            Warnings.AddRange(warnings);
        }
    }

    private static WordLists Load(string file, params string[] required)
    {
        var warnings = new List<string>();
        var lists = ContentWithFallback.Load(BookingContent.DefaultFolder, BookingContent.Embedded, source => Read(source, file, required), warnings);
        lock (Warnings)
        {
            Warnings.AddRange(warnings);
        }

        return lists;
    }

    private static WordLists Read(IContentSource source, string file, string[] required)
    {
        var lists = WordLists.Read(source, file);
        foreach (var name in required)
        {
            _ = lists.List(name);
        }

        return lists;
    }
}
