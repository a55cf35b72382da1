using System.Globalization;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Display;
using ClinicBot.Staff.Security;
using ClinicBot.Staff.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages;

/// <summary>/staff: booking requests newest first, filtered by status and received date; CSV export (POST).</summary>
public sealed class IndexModel(StaffBookings bookings, StaffAuditLog audit, ClinicClock clock, ClinicTimeWords times, StaffLabels labels) : PageModel
{
    public static readonly IReadOnlyList<string> StatusOptions = [.. Enum.GetValues<BookingStatus>().Select(status => status.ToKey())];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>1-based page of the list (Staff:PageSize rows each).</summary>
    // "page" is Razor Pages' own route value, so the query key is pageNumber.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string? FilterProblem { get; private set; }

    public StaffBookingPage Listing { get; private set; } = new([], 1, 1, 0);

    public IReadOnlyList<StaffBookingView> Bookings => Listing.Rows;

    public ClinicTimeWords Times => times;

    public StaffLabels Labels => labels;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Listing = await bookings.ListPageAsync(ReadFilter(), PageNumber, ct).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.ListBookings,
            Bookings.Select(booking => booking.Reference).ToList(), $"rows={Bookings.Count};page={Listing.PageNumber}"), ct).ConfigureAwait(false);
    }

    /// <summary>The list URL for another page with the same filter.</summary>
    public string PageUrl(int pageNumber) => QueryHelpers.AddQueryString("/staff", new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["pageNumber"] = pageNumber.ToString(CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value)));

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var rows = await bookings.ListAsync(ReadFilter(), ct).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.ExportBookings,
            rows.Select(booking => booking.Reference).ToList(), $"rows={rows.Count}"), ct).ConfigureAwait(false);

        var fileName = $"booking-requests-{clock.Now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return File(BookingCsvWriter.Utf8WithBom(rows, times, labels), "text/csv; charset=utf-8", fileName);
    }

    private BookingFilter ReadFilter()
    {
        BookingStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (BookingStatusNames.TryParse(Status, out var parsed))
            {
                status = parsed;
            }
            else
            {
                FilterProblem = "Unknown status; showing all.";
                Status = null;
            }
        }

        if (!ModelState.IsValid)
        {
            FilterProblem = "A date or page number was not understood (dates are YYYY-MM-DD); that part was ignored.";
        }

        return new BookingFilter(status, From, To);
    }
}
