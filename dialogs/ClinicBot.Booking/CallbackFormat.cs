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
