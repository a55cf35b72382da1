using System.Globalization;
using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking;

/// <summary>How callback times are shown: in the clinic's zone, e.g. "Tue Dec 1, 10:00 AM".</summary>
public static class CallbackFormat
{
    /// <summary>The zone of the built-in clinic facts (<see cref="CallbackWindow.ClinicDefault"/>).</summary>
    public static TimeZoneInfo ClinicZone => CallbackWindow.ClinicDefault.TimeZone;

    public static string Label(DateTimeOffset time) => Label(time, ClinicZone);

    public static string Label(DateTimeOffset time, TimeZoneInfo clinicZone) =>
        TimeZoneInfo.ConvertTime(time, clinicZone).ToString("ddd MMM d, h:mm tt", CultureInfo.InvariantCulture);
}

/// <summary>How phone numbers are shown back to the person.</summary>
public static class PhoneFormat
{
    /// <summary>"+18325550142" → "+1 832-555-0142"; other numbers stay in E.164.</summary>
    public static string Display(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal) && e164[2..].All(char.IsAsciiDigit)
            ? $"+1 {e164[2..5]}-{e164[5..8]}-{e164[8..]}"
            : e164;
}
