using ClinicBot.Storage.Bookings;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Bookings;

/// <summary>One page of the staff list: its rows (decrypted) and where it sits in the whole filtered list.</summary>
public sealed record StaffBookingPage(IReadOnlyList<StaffBookingView> Rows, int PageNumber, int PageSize, int TotalRows)
{
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

/// <summary>
/// What the staff pages read and change: bookings joined with their status, paged in the database, and only the
/// rows shown (or exported) decrypted.
/// </summary>
public sealed class StaffBookings(StaffBookingQuery query, BookingFieldProtector protector, BookingStatusStore statuses, ClinicClock clock, TimeProvider time, IOptions<StaffOptions> options)
{
    public int PageSize => Math.Max(1, options.Value.PageSize);

    /// <param name="pageNumber">1-based; past the end shows the last page.</param>
    public async Task<StaffBookingPage> ListPageAsync(BookingFilter filter, int pageNumber, CancellationToken ct)
    {
        var stored = ToStored(filter);
        var total = await query.CountAsync(stored, ct).ConfigureAwait(false);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var rows = await query.ListAsync(stored, (page - 1) * PageSize, PageSize, ct).ConfigureAwait(false);
        return new StaffBookingPage(rows.Select(Decrypt).ToList(), page, PageSize, total);
    }

    /// <summary>Every row the filter matches (the CSV export).</summary>
    public async Task<IReadOnlyList<StaffBookingView>> ListAsync(BookingFilter filter, CancellationToken ct)
    {
        var rows = await query.ListAsync(ToStored(filter), 0, null, ct).ConfigureAwait(false);
        return rows.Select(Decrypt).ToList();
    }

    public async Task<StaffBookingView?> FindAsync(string reference, CancellationToken ct)
    {
        if (!Booking.Store.BookingReference.IsWellFormed(reference))
        {
            return null;
        }

        var row = await query.FindAsync(reference, ct).ConfigureAwait(false);
        return row is null ? null : Decrypt(row);
    }

    public Task SetStatusAsync(string reference, BookingStatus status, string staffUserId, CancellationToken ct) =>
        statuses.SetAsync(reference, status, staffUserId, time.GetUtcNow(), ct);

    private StoredBookingFilter ToStored(BookingFilter filter) =>
        new(filter.Status,
            filter.From is { } from ? DayStart(from) : null,
            filter.To is { } to && to < DateOnly.MaxValue ? DayStart(to.AddDays(1)) : null);

    // Dates at the very ends of the calendar have no instant in every offset: no bound, rather than an error.
    private DateTimeOffset? DayStart(DateOnly day)
    {
        try
        {
            return clock.StartOfLocalDay(day);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private StaffBookingView Decrypt(StoredBookingRow row) =>
        new(
            row.Record.Reference,
            protector.Unprotect(row.Record.Name),
            protector.Unprotect(row.Record.PhoneE164),
            protector.UnprotectOptional(row.Record.Email),
            row.Record.Callback,
            row.Record.CreatedAt,
            row.Record.Channel,
            row.Status,
            protector.UnprotectOptional(row.Record.CallFor),
            protector.UnprotectOptional(row.Record.BookedBy));
}
