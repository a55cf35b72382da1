using System.Globalization;
using ClinicBot.Booking.Fields;
using ClinicBot.Knowledge;

namespace ClinicBot.Booking.Texts;

/// <summary>
/// The clinic's facts as the booking texts word them ({clinicPhone}, {callDays}, {callOpens}, {callCloses},
/// {timeZoneLabel}, {city}, {state}), so booking-prompts.json never repeats a fact of clinic.json.
/// </summary>
public static class ClinicWording
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyDictionary<string, string> Values(ClinicFacts facts, CallbackWindow window) => new Dictionary<string, string>
    {
        ["clinicPhone"] = facts.Phone,
        ["callDays"] = Days(window.Days),
        ["callOpens"] = Clock(window.Opens),
        ["callCloses"] = Clock(window.LastStart.Add(CallbackWindow.CallLength)),
        ["timeZoneLabel"] = facts.TimeZoneLabel,
        ["city"] = facts.City,
        ["state"] = facts.State,
    };

    /// <summary>"Monday to Friday" for a run of three days or more, else "Tuesday and Thursday".</summary>
    public static string Days(IReadOnlySet<DayOfWeek> days)
    {
        var ordered = MondayFirst.Where(days.Contains).ToList();
        var consecutive = ordered.Select(d => Array.IndexOf(MondayFirst, d)).Zip(ordered.Skip(1).Select(d => Array.IndexOf(MondayFirst, d))).All(p => p.Second == p.First + 1);
        if (ordered.Count >= 3 && consecutive)
        {
            return $"{ordered[0]} to {ordered[^1]}";
        }

        return ordered.Count <= 1
            ? string.Concat(ordered)
            : string.Join(", ", ordered.Take(ordered.Count - 1)) + " and " + ordered[^1];
    }

    /// <summary>"9 AM", "4:30 PM".</summary>
    public static string Clock(TimeOnly time) =>
        time.ToString(time.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture);
}
