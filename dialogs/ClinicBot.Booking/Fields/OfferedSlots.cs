using System.Globalization;
using System.Text.RegularExpressions;
using ClinicBot.Booking.Fields.Time;

namespace ClinicBot.Booking.Fields;

/// <summary>Reads a reply to offered callback slots: a position, a timestamp, or the slot's day and time.</summary>
internal static partial class OfferedSlots
{
    private static readonly Dictionary<string, int> Positions = new(StringComparer.Ordinal)
    {
        ["first"] = 0, ["1st"] = 0, ["one"] = 0, ["primero"] = 0, ["primera"] = 0, ["1"] = 0,
        ["second"] = 1, ["2nd"] = 1, ["two"] = 1, ["segundo"] = 1, ["segunda"] = 1, ["2"] = 1,
        ["third"] = 2, ["3rd"] = 2, ["three"] = 2, ["tercero"] = 2, ["tercera"] = 2, ["3"] = 2,
        ["last"] = -1, ["ultimo"] = -1, ["ultima"] = -1,
    };

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();

    public static bool TryParseTimestamp(string text, out DateTimeOffset instant)
    {
        instant = default;
        return IsoTimestamp().IsMatch(text)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }

    public static DateTimeOffset? Choose(string text, IReadOnlyList<DateTimeOffset> offered, DateTimeOffset now, TimeZoneInfo clinicZone)
    {
        if (offered.Count == 0 || string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return null;
        }

        if (TryParseTimestamp(text, out var stamp))
        {
            return offered.Where(o => o == stamp).Select(o => (DateTimeOffset?)o).FirstOrDefault();
        }

        var words = CommandText.Words(text);

        // "the first one", "option 2", "2", "the last": a position among at most three buttons.
        var content = words.Where(w => w is not ("the" or "one" or "option" or "opcion" or "number" or "la" or "el" or "please" or "ok" or "okay" or "," or "i'll" or "take" or "is" or "fine")).ToList();
        if (content.Count == 1 && Positions.TryGetValue(content[0], out var position))
        {
            var index = position < 0 ? offered.Count - 1 : position;
            return index < offered.Count ? offered[index] : null;
        }

        if (words.Count == 1 && words[0] == "one")
        {
            return offered[0];
        }

        // Otherwise, the offered slots that agree with every day and time the reply names.
        var request = TimeExpressionParser.Parse(text);
        if (!request.HasPositiveContent)
        {
            return null;
        }

        var matching = offered.Where(o => Agrees(request, o, now, clinicZone)).ToList();
        return matching.Count == 1 ? matching[0] : null;
    }

    private static bool Agrees(TimeRequest request, DateTimeOffset slot, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = ZonedClock.InZone(slot, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var today = ZonedClock.DateIn(now, zone);

        var days = request.Days.Where(d => !d.Negated).ToList();
        if (days.Count > 0 && !CandidateDates.From(days, today).Contains(date) && !days.OfType<WeekdayMention>().Any(w => w.Day == date.DayOfWeek))
        {
            return false;
        }

        var times = request.Times.Where(t => !t.Negated).ToList();
        if (times.Count == 0)
        {
            return true;
        }

        var preference = TimePreference.Of(times);
        return preference.Preferred.Contains(time)
            || (preference.From is { } from && preference.To is { } to && time >= from && time <= to);
    }
}
