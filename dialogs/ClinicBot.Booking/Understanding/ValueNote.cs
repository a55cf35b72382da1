namespace ClinicBot.Booking.Understanding;

/// <summary>
/// Something the booking did to a value the person gave, to be said in the reply: the text is
/// booking-prompts.json "notes.{Key}" with <see cref="Values"/> as its placeholders.
/// </summary>
public sealed class ValueNote
{
    public const string ExtensionKept = "extensionKept";
    public const string PrefixRead = "prefixRead";
    public const string EmailSpoken = "emailSpoken";
    public const string DomainCorrected = "domainCorrected";
    public const string TimeNotKept = "timeNotKept";
    public const string HolidayNotKept = "holidayNotKept";

    public string Key { get; set; } = string.Empty;

    public Dictionary<string, string> Values { get; set; } = new();

    public static ValueNote Of(string key, Dictionary<string, string> values) => new() { Key = key, Values = values };
}
