namespace ClinicBot.Booking.Store;

/// <summary>Where confirmed bookings are kept. Saving is idempotent on <see cref="BookingRequest.IdempotencyKey"/>.</summary>
public interface IBookingStore
{
    /// <summary>
    /// Saves the booking in one transaction, or returns the reference of the booking already saved with the
    /// same idempotency key. Throws when the booking could not be saved (nothing is then half-saved).
    /// </summary>
    Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct);

    Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct);
}

/// <summary>
/// The minimum the clinic needs to call back: no symptoms, no transcript. <c>Name</c> is the person the clinic
/// calls; <c>CallFor</c> says who that is when the booker booked for someone else ("mom"), <c>BookedBy</c> the
/// booker's own name when given.
/// </summary>
public sealed record BookingRequest(
    string IdempotencyKey,
    string Name,
    string PhoneE164,
    string? Email,
    DateTimeOffset Callback,
    DateTimeOffset CreatedAt,
    string Channel,
    string? CallFor = null,
    string? BookedBy = null);

/// <summary>A stored booking and the short reference the person was given.</summary>
public sealed record BookingRecord(
    string Reference,
    string Name,
    string PhoneE164,
    string? Email,
    DateTimeOffset Callback,
    DateTimeOffset CreatedAt,
    string Channel,
    string? CallFor = null,
    string? BookedBy = null);

/// <param name="Reference">The booking's short reference, e.g. KB-7F3Q2.</param>
/// <param name="Created">False when the same idempotency key had already been saved (a retried delivery).</param>
public sealed record BookingSaveResult(string Reference, bool Created);
