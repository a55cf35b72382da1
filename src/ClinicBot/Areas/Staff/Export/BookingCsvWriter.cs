using System.Text;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Display;

namespace ClinicBot.Staff.Export;

/// <summary>
/// CSV export of booking requests as a spreadsheet reader wants them (phones "(713) 555-0199", clinic times in
/// words, channels in words), RFC 4180 quoting, formula-injection-safe cells, UTF-8 with a BOM.
/// </summary>
public static class BookingCsvWriter
{
    private static readonly string[] Header = ["Reference", "Status", "Received", "Callback", "Name", "Phone", "Email", "Channel", "Call for", "Booked by"];

    /// <summary>The file's bytes: UTF-8 with a BOM, so spreadsheet programs read accented names correctly.</summary>
    public static byte[] Utf8WithBom(IEnumerable<StaffBookingView> bookings, ClinicTimeWords times, StaffLabels labels) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(bookings, times, labels))];

    public static string Write(IEnumerable<StaffBookingView> bookings, ClinicTimeWords times, StaffLabels labels)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var booking in bookings)
        {
            AppendRow(csv,
            [
                booking.Reference,
                booking.Status.ToKey(),
                times.WithYear(booking.CreatedAt),
                times.WithYear(booking.Callback),
                booking.Name,
                ClinicBot.Booking.PhoneFormat.National(booking.PhoneE164),
                booking.Email ?? string.Empty,
                labels.Channel(booking.Channel),
                booking.CallFor ?? string.Empty,
                booking.BookedBy ?? string.Empty,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
    /// leading apostrophe (OWASP CSV injection advice); every cell is quoted with inner quotes doubled. A US phone
    /// in national form, "(713) 555-0199", starts with none of these and so stays as it is.
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
