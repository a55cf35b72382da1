using System.Globalization;
using System.Text;
using ClinicBot.Staff.Bookings;

namespace ClinicBot.Staff.Export;

/// <summary>CSV export of booking requests (RFC 4180 quoting, formula-injection-safe cells).</summary>
public static class BookingCsvWriter
{
    private static readonly string[] Header = ["Reference", "Status", "Received", "Callback", "Name", "Phone", "Email", "Channel", "Call for", "Booked by"];

    public static string Write(IEnumerable<StaffBookingView> bookings, ClinicClock clock)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var booking in bookings)
        {
            AppendRow(csv,
            [
                booking.Reference,
                booking.Status.ToKey(),
                clock.ToLocal(booking.CreatedAt).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
                booking.Callback.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
                booking.Name,
                ClinicBot.Booking.PhoneFormat.Display(booking.PhoneE164),
                booking.Email ?? string.Empty,
                booking.Channel,
                booking.CallFor ?? string.Empty,
                booking.BookedBy ?? string.Empty,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
    /// leading apostrophe (OWASP CSV injection advice); every cell is quoted with inner quotes doubled.
    /// </summary>
    public static string EscapeCell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(EscapeCell));
        csv.Append("\r\n");
    }
}
