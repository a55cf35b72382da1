using System.Globalization;
using System.Text.RegularExpressions;

namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Finds clock times in folded text ("7pm", "4:45", "at 7", "noon") and replaces them by one token. Only ASCII
/// digits make a time (other scripts' digits are left as words).
/// </summary>
internal static partial class TimeExpressions
{
    public const string Token = "timeofday";

    [GeneratedRegex(@"\b([0-9]{1,2})(?::([0-5][0-9]))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])")]
    private static partial Regex WithMeridiem();

    [GeneratedRegex(@"\b([0-9]{1,2}):([0-5][0-9])\b")]
    private static partial Regex WithColon();

    [GeneratedRegex(@"\b(at|around|by|after|before|till|until|from|a las)\s+([0-9]{1,2})\b(?!\s*(?:-|\d|%|mg|min|minutes|hours|hrs|days|weeks|months|years|sessions|times|infusions))")]
    private static partial Regex AfterPreposition();

    [GeneratedRegex(@"\b(noon|midday|mediodia|midnight|medianoche)\b")]
    private static partial Regex Named();

    public static string Extract(string folded, List<TimeOnly> times)
    {
        folded = WithMeridiem().Replace(folded, m =>
            Add(times, m, Hour(m.Groups[1].Value, m.Groups[3].Value), Minute(m.Groups[2].Value)));
        folded = WithColon().Replace(folded, m => Add(times, m, Hour(m.Groups[1].Value, null), Minute(m.Groups[2].Value)));
        folded = AfterPreposition().Replace(folded, m =>
            Add(times, m, Hour(m.Groups[2].Value, null), 0, prefix: m.Groups[1].Value + " "));
        folded = Named().Replace(folded, m =>
            Add(times, m, m.Value is "midnight" or "medianoche" ? 0 : 12, 0));
        return folded;
    }

    private static string Add(List<TimeOnly> times, Match match, int? hour, int minute, string prefix = "")
    {
        if (hour is not { } h || h is < 0 or > 23) return match.Value;
        times.Add(new TimeOnly(h, minute));
        return $"{prefix} {Token} ";
    }

    private static int Minute(string text) => text.Length == 0 ? 0 : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Without am/pm, 1–7 means afternoon or evening and 8–11 morning: how people write clinic times.</summary>
    private static int? Hour(string text, string? meridiem)
    {
        var hour = int.Parse(text, CultureInfo.InvariantCulture);
        if (meridiem is { Length: > 0 })
        {
            if (hour is < 1 or > 12) return null;
            var pm = meridiem[0] == 'p';
            return hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
        }
        return hour switch
        {
            >= 1 and <= 7 => hour + 12,
            >= 8 and <= 23 => hour,
            _ => null,
        };
    }
}
