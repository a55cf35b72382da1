using ClinicBot.Booking.Store;

namespace ClinicBot.Staff.Bookings;

/// <summary>
/// What the staff pages read and change: bookings (through the decrypting store) joined with their status.
/// A clinic keeps at most a retention period of requests, so filtering in memory is fine.
/// </summary>
public sealed class StaffBookings(IBookingStore bookings, BookingStatusStore statuses, ClinicClock clock, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffBookingView>> ListAsync(BookingFilter filter, CancellationToken ct)
    {
        var records = await bookings.ListAsync(ct).ConfigureAwait(false);
        var statusByReference = await statuses.GetAllAsync(ct).ConfigureAwait(false);

        return records
            .Select(record => ToView(record, statusByReference))
            .Where(view => filter.Status is null || view.Status == filter.Status)
            .Where(view => filter.From is null || clock.LocalDate(view.CreatedAt) >= filter.From)
            .Where(view => filter.To is null || clock.LocalDate(view.CreatedAt) <= filter.To)
            .OrderByDescending(view => view.CreatedAt)
            .ThenByDescending(view => view.Reference, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<StaffBookingView?> FindAsync(string reference, CancellationToken ct)
    {
        if (!BookingReference.IsWellFormed(reference))
        {
            return null;
        }

        var all = await ListAsync(BookingFilter.None, ct).ConfigureAwait(false);
        return all.FirstOrDefault(view => string.Equals(view.Reference, reference, StringComparison.Ordinal));
    }

    public Task SetStatusAsync(string reference, BookingStatus status, string staffUserId, CancellationToken ct) =>
        statuses.SetAsync(reference, status, staffUserId, time.GetUtcNow(), ct);

    private static StaffBookingView ToView(BookingRecord record, IReadOnlyDictionary<string, BookingStatus> statuses) =>
        new(
            record.Reference,
            record.Name,
            record.PhoneE164,
            record.Email,
            record.Callback,
            record.CreatedAt,
            record.Channel,
            statuses.TryGetValue(record.Reference, out var status) ? status : BookingStatus.New,
            record.CallFor,
            record.BookedBy);
}
