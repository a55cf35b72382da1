using ClinicBot.Booking.Loading;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// A public holiday people name instead of a date ("new year's day", "thanksgiving"), with its date rule:
/// a fixed month and day, or the nth weekday of a month (nth -1 = the last), plus an offset in days
/// ("the day after Thanksgiving"). Content/words/holidays.json.
/// </summary>
public sealed record Holiday(string Name, IReadOnlyList<string> Phrases, int Month, int? Day = null, DayOfWeek? Weekday = null, int? Nth = null, int OffsetDays = 0)
{
    /// <summary>The holiday's date in a year.</summary>
    public DateOnly DateIn(int year)
    {
        DateOnly date;
        if (Day is { } day)
        {
            date = new DateOnly(year, Month, day);
        }
        else
        {
            var weekday = Weekday ?? throw new InvalidDataException($"holidays.json: '{Name}' needs a day or a weekday.");
            var nth = Nth ?? 1;
            if (nth > 0)
            {
                var first = new DateOnly(year, Month, 1);
                date = first.AddDays((((int)weekday - (int)first.DayOfWeek) + 7) % 7 + (7 * (nth - 1)));
            }
            else
            {
                var last = new DateOnly(year, Month, DateTime.DaysInMonth(year, Month));
                date = last.AddDays(-((((int)last.DayOfWeek - (int)weekday) + 7) % 7));
            }
        }

        return date.AddDays(OffsetDays);
    }

    /// <summary>The first date of this holiday on or after <paramref name="today"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly today)
    {
        var date = DateIn(today.Year);
        return date >= today ? date : DateIn(today.Year + 1);
    }
}

/// <summary>The holidays of Content/words/holidays.json, found in time tokens by their phrases (longest first).</summary>
public static class Holidays
{
    private const string File = "words/holidays.json";

    private static readonly Lazy<IReadOnlyList<Holiday>> Loaded = new(Load);

    private static readonly Lazy<IReadOnlyList<(string[] Words, Holiday Holiday)>> ByPhrase = new(() =>
        Loaded.Value
            .SelectMany(h => h.Phrases.Select(p => (Words: TimeTokenizer.Tokenize(p).ToArray(), Holiday: h)))
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)
            .ToList());

    public static IReadOnlyList<Holiday> All => Loaded.Value;

    /// <summary>The holiday whose phrase starts at token <paramref name="index"/>, and how many tokens it used.</summary>
    internal static (Holiday? Holiday, int Used) At(IReadOnlyList<string> tokens, int index)
    {
        foreach (var (words, holiday) in ByPhrase.Value)
        {
            if (index + words.Length <= tokens.Count && words.Select((w, k) => tokens[index + k] == w).All(x => x))
            {
                return (holiday, words.Length);
            }
        }

        return (null, 0);
    }

    /// <summary>The holiday that falls on a date, if any.</summary>
    public static Holiday? On(DateOnly date) => All.FirstOrDefault(h => h.DateIn(date.Year) == date);

    private static IReadOnlyList<Holiday> Load()
    {
        var warnings = new List<string>();
        var holidays = ContentWithFallback.Load(BookingContent.DefaultFolder, BookingContent.Embedded, Read, warnings);
        BookingWords.AddWarnings(warnings);
        return holidays;
    }

    private static IReadOnlyList<Holiday> Read(IContentSource source)
    {
        var document = ContentJson.Read<HolidaysDocument>(source, File);
        foreach (var holiday in document.Holidays)
        {
            // Every date rule must work for any year: fail at load, not in a conversation.
            _ = holiday.DateIn(2028);
        }

        return document.Holidays;
    }

    private sealed record HolidaysDocument(List<Holiday> Holidays);
}
