using System.Text.RegularExpressions;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Display;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages;

/// <summary>/staff/bookings/{reference}: one booking request; POST changes its status.</summary>
public sealed partial class BookingModel(StaffBookings bookings, StaffAuditLog audit, ClinicTimeWords times, StaffLabels labels) : PageModel
{
    public StaffBookingView Booking { get; private set; } = null!;

    public ClinicTimeWords Times => times;

    public StaffLabels Labels => labels;

    /// <summary>A tel: link (RFC 3966, with the extension) only for a well-formed stored phone; anything else is shown as text.</summary>
    public string? PhoneLink => ClinicBot.Booking.PhoneFormat.TelUri(Booking.PhoneE164);

    /// <summary>"(713) 555-0120 ext. 4"; text that is not a stored phone is shown as it is.</summary>
    public string PhoneText => ClinicBot.Booking.PhoneFormat.National(Booking.PhoneE164);

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        var found = await bookings.FindAsync(reference, ct).ConfigureAwait(false);
        if (found is null)
        {
            return NotFound();
        }

        Booking = found;
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.ViewBooking, [found.Reference], null), ct).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(string reference, string? status, CancellationToken ct)
    {
        if (!BookingStatusNames.TryParse(status, out var newStatus))
        {
            return BadRequest();
        }

        var found = await bookings.FindAsync(reference, ct).ConfigureAwait(false);
        if (found is null)
        {
            return NotFound();
        }

        await bookings.SetStatusAsync(found.Reference, newStatus, StaffActor.Id(User) ?? "unknown", ct).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.SetStatus, [found.Reference], $"status={newStatus.ToKey()}"), ct).ConfigureAwait(false);
        return Redirect($"/staff/bookings/{found.Reference}");
    }
}
