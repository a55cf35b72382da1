using System.Globalization;

namespace ClinicBot.Staff.Display;

/// <summary>
/// Times as a receptionist reads them, in the clinic's time zone (from <see cref="ClinicClock"/>, the one source):
/// "Mon Dec 7, 2:00 PM"; the year is added when it is not the clinic's current year, or always for the CSV.
/// </summary>
public sealed class ClinicTimeWords(ClinicClock clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Mon Dec 7, 2:00 PM" this year, "Mon Dec 7, 2025, 2:00 PM" another year.</summary>
    public string Short(DateTimeOffset instant)
    {
        var local = clock.ToLocal(instant);
        return local.Year == clock.Now.Year ? Format(local, "ddd MMM d, h:mm tt") : WithYear(instant);
    }

    /// <summary>"Mon Dec 7, 2026, 2:00 PM": for the detail page and the CSV, which may be read years later.</summary>
    public string WithYear(DateTimeOffset instant) => Format(clock.ToLocal(instant), "ddd MMM d, yyyy, h:mm tt");

    /// <summary>"Mon Dec 7": a clinic-local calendar day.</summary>
    public static string Day(DateOnly day) => day.ToString("ddd MMM d", English);

    private static string Format(DateTimeOffset local, string pattern) => local.ToString(pattern, English);
}
