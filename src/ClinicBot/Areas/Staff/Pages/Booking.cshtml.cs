using System.Text.RegularExpressions;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages;

/// <summary>/staff/bookings/{reference}: one booking request; POST changes its status.</summary>
public sealed partial class BookingModel(StaffBookings bookings, StaffAuditLog audit, ClinicClock clock) : PageModel
{
    public StaffBookingView Booking { get; private set; } = null!;

    public ClinicClock Clock => clock;

    /// <summary>A tel: link only for a well-formed E.164 number; anything else is shown as text.</summary>
    public string? PhoneLink => E164().IsMatch(Booking.PhoneE164) ? "tel:" + Booking.PhoneE164 : null;

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

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
