using ClinicBot.Language.Loading;

namespace ClinicBot.Knowledge.Loading;

/// <summary>Reads the clinic's facts (clinic.json) on their own: the one source of name, phone, hours and time zone.</summary>
public static class ClinicFactsReader
{
    public const string FileName = "clinic.json";

    /// <summary>Throws <see cref="InvalidDataException"/> when clinic.json is missing or unusable.</summary>
    public static ClinicFacts Read(IContentSource source) => ToFacts(ContentJson.Read<ClinicDocument>(source, FileName));

    private static ClinicFacts ToFacts(ClinicDocument d)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(d.TimeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidDataException($"Time zone '{d.TimeZoneId}' is not available on this machine (install tzdata).", ex);
        }

        var days = new Dictionary<DayOfWeek, DailyHours>();
        foreach (var (dayName, hours) in d.Hours)
        {
            if (!Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day))
                throw new InvalidDataException($"clinic.json: '{dayName}' is not a weekday name.");
            DailyHours parsed;
            try
            {
                parsed = new DailyHours(DailyHours.Parse(hours.Open), DailyHours.Parse(hours.Close));
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"clinic.json: hours for {dayName} must look like \"9:00 AM\".", ex);
            }
            if (parsed.Close <= parsed.Open) throw new InvalidDataException($"clinic.json: {dayName} closes before it opens.");
            days[day] = parsed;
        }

        var closed = new HashSet<DateOnly>();
        foreach (var text in d.ClosedDates ?? [])
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                throw new InvalidDataException($"clinic.json: closed date '{text}' must look like \"2026-12-24\".");
            closed.Add(date);
        }

        return new ClinicFacts
        {
            Name = d.Name, AddressLine = d.AddressLine, SuiteLine = d.SuiteLine, City = d.City, State = d.State, Zip = d.Zip,
            Phone = d.Phone, PhoneCountryCode = d.PhoneCountryCode, Fax = d.Fax, TimeZoneId = d.TimeZoneId,
            TimeZoneLabel = d.TimeZoneLabel, MapSearchUrl = d.MapSearchUrl, Hours = new OpeningHours(days, zone),
            ClosedDates = closed,
        };
    }
}
