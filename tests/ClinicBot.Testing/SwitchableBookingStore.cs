using ClinicBot.Booking.Store;

namespace ClinicBot.Testing;

/// <summary>Wraps a real store and can be told to fail, like a database that is briefly unavailable.</summary>
public sealed class SwitchableBookingStore : IBookingStore
{
    private readonly IBookingStore _inner;

    public SwitchableBookingStore(IBookingStore inner) => _inner = inner;

    public bool Failing { get; set; }

    public int SaveCalls { get; private set; }

    public Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        SaveCalls++;
        if (Failing)
        {
            throw new IOException("disk I/O error (simulated)");
        }

        return _inner.SaveAsync(request, ct);
    }

    public Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct) => _inner.ListAsync(ct);
}
