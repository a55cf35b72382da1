using ClinicBot.Booking.Store;

namespace ClinicBot.Abuse;

/// <summary>
/// Saves a booking only while its client (<see cref="BookingClient.Current"/>) is under the daily cap; over it, throws
/// <see cref="BookingLimitReachedException"/> and nothing reaches the store. A booking with no known client (no
/// turn, or no address) is not counted.
/// </summary>
public sealed class DailyCappedBookingStore(IBookingStore inner, DailyBookingCap cap) : IBookingStore
{
    public async Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        var client = BookingClient.Current;
        if (!cap.IsEnabled || client is null)
        {
            return await inner.SaveAsync(request, ct).ConfigureAwait(false);
        }

        var reservation = cap.TryReserve(client, request.IdempotencyKey) ?? throw new BookingLimitReachedException();
        try
        {
            var saved = await inner.SaveAsync(request, ct).ConfigureAwait(false);
            if (!saved.Created)
            {
                // Saved before, by another instance or process: this call added no booking.
                cap.Release(reservation);
            }

            return saved;
        }
        catch
        {
            cap.Release(reservation);
            throw;
        }
    }

    public Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);
}
