using ClinicBot.Booking.Store;

namespace ClinicBot.Storage.Bookings;

/// <summary>
/// Decorates the booking store so name, phone, email and who the call is for / who booked it are encrypted before they reach the database and
/// decrypted when listed. The callback time, channel and dates stay plain (needed for sorting and purging,
/// and not identifying on their own).
/// </summary>
public sealed class ProtectedBookingStore(IBookingStore inner, BookingFieldProtector protector) : IBookingStore
{
    public Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var encrypted = request with
        {
            Name = protector.Protect(request.Name),
            PhoneE164 = protector.Protect(request.PhoneE164),
            Email = protector.ProtectOptional(request.Email),
            CallFor = protector.ProtectOptional(request.CallFor),
            BookedBy = protector.ProtectOptional(request.BookedBy),
        };
        return inner.SaveAsync(encrypted, ct);
    }

    public async Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct)
    {
        var stored = await inner.ListAsync(ct).ConfigureAwait(false);
        return stored
            .Select(record => record with
            {
                Name = protector.Unprotect(record.Name),
                PhoneE164 = protector.Unprotect(record.PhoneE164),
                Email = protector.UnprotectOptional(record.Email),
                CallFor = protector.UnprotectOptional(record.CallFor),
                BookedBy = protector.UnprotectOptional(record.BookedBy),
            })
            .ToList();
    }
}
