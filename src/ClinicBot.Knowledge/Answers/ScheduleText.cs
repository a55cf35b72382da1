using ClinicBot.Language.Templates;
using System.Text.Json.Nodes;

namespace ClinicBot.Knowledge.Answers;

/// <summary>
/// Sentences about the schedule ("Right now the clinic is closed. It next opens Monday at 9:00 AM.", "On
/// Saturday the clinic is closed …"), worded by the hours/open_now content lines and computed in clinic time.
/// </summary>
internal sealed class ScheduleText(OpeningHours hours, IReadOnlyDictionary<string, string> lines, IReadOnlyDictionary<string, string> facts)
{
    public string HoursLines() =>
        string.Join('\n', hours.Week.Select(d => $"{OpeningHours.Short(d.Day)}: {d.Hours?.ToString() ?? Line("closedDay")}"));

    public JsonArray HoursFacts() =>
        new(hours.Week.Select(d => (JsonNode)new JsonObject
        {
            ["title"] = OpeningHours.Short(d.Day),
            ["value"] = d.Hours?.ToString() ?? Line("closedDay"),
        }).ToArray());

    public string HoursSummary() => Line("hoursSummary");

    public string Headline() => Line("headline");

    /// <summary>Open or closed at <paramref name="local"/>, with the closing time or the next opening.</summary>
    public string Status(DateTime local)
    {
        if (hours.IsOpenAt(local)) return Line("statusOpen", ("CloseTime", hours.For(local.DayOfWeek)!.CloseText));
        return Line("statusClosed", ("NextOpening", NextOpening(local)));
    }

    public string NextOpening(DateTime local)
    {
        if (hours.NextOpening(local) is not { } next) return "";
        var time = DailyHours.Format(TimeOnly.FromDateTime(next));
        var days = next.Date.Subtract(local.Date).Days;
        return days switch
        {
            0 => Line("nextToday", ("Time", time)),
            1 => Line("nextTomorrow", ("Time", time)),
            _ => Line("nextOnDay", ("Day", next.DayOfWeek.ToString()), ("Time", time)),
        };
    }

    /// <summary>Sentences answering the moment a message asked about; empty when it named none.</summary>
    public List<string> AboutMoment(AskedMoment? moment, DateTime local)
    {
        var sentences = new List<string>();
        if (moment is null) return sentences;
        if (moment.Holiday) sentences.Add(Line("holiday"));

        var dates = ResolveDates(moment, DateOnly.FromDateTime(local));
        if (moment.Days.Contains(DayReference.Weekend) && dates.All(d => hours.For(d.DayOfWeek) is null))
        {
            sentences.Add(Line("weekendClosed"));
            dates = [];
        }
        foreach (var date in dates.Take(2))
        {
            var dayHours = hours.For(date.DayOfWeek);
            var day = DayLabel(date, DateOnly.FromDateTime(local));
            var values = new List<(string, string)> { ("Day", day) };
            if (dayHours is not null) values.AddRange([("OpenTime", dayHours.OpenText), ("CloseTime", dayHours.CloseText)]);

            string key;
            if (moment.Time is { } time)
            {
                values.Add(("AskedTime", DailyHours.Format(time)));
                key = dayHours is null ? "timeClosedDay" : dayHours.Contains(time) ? "timeOpen" : "timeClosedOpenDay";
            }
            else if (moment.Evening)
            {
                key = dayHours is null ? "dayClosed" : "eveningOpenDay";
            }
            else
            {
                key = dayHours is null ? "dayClosed" : "dayOpen";
            }
            sentences.Add(Capitalize(Line(key, values.ToArray())));
        }
        return sentences;
    }

    private static List<DateOnly> ResolveDates(AskedMoment moment, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (var day in moment.Days)
        {
            switch (day)
            {
                case DayReference.Today: dates.Add(today); break;
                case DayReference.Tomorrow: dates.Add(today.AddDays(1)); break;
                case DayReference.Weekend:
                    dates.Add(Next(today, DayOfWeek.Saturday));
                    dates.Add(Next(today, DayOfWeek.Sunday));
                    break;
                default: dates.Add(Next(today, (DayOfWeek)(day - DayReference.Sunday))); break;
            }
        }
        if (dates.Count == 0 && (moment.Time is not null || moment.Evening)) dates.Add(today);
        return dates.Distinct().ToList();
    }

    private static DateOnly Next(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private string DayLabel(DateOnly date, DateOnly today) =>
        date == today ? Line("today")
        : date == today.AddDays(1) ? Line("tomorrow")
        : Line("onDay", ("DayName", date.DayOfWeek.ToString()));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private string Line(string key, params (string Key, string Value)[] extra)
    {
        if (!lines.TryGetValue(key, out var template))
            throw new InvalidDataException($"The hours/open_now content has no line '{key}'.");
        var values = new Dictionary<string, string>(facts);
        foreach (var (k, v) in extra) values[k] = v;
        return Placeholders.Fill(template, values);
    }
}
