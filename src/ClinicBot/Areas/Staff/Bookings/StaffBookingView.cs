namespace ClinicBot.Staff.Bookings;

/// <summary>
/// A booking request as staff see it: decrypted fields plus the call-back status. <c>Name</c> is the person to
/// call; <c>CallFor</c> ("mom") and <c>BookedBy</c> are set when someone booked for them.
/// </summary>
public sealed record StaffBookingView(
    string Reference,
    string Name,
    string PhoneE164,
    string? Email,
    DateTimeOffset Callback,
    DateTimeOffset CreatedAt,
    string Channel,
    BookingStatus Status,
    string? CallFor = null,
    string? BookedBy = null);

/// <summary>List filter from the query string; dates are clinic-local calendar days, both ends inclusive.</summary>
public sealed record BookingFilter(BookingStatus? Status, DateOnly? From, DateOnly? To)
{
    public static BookingFilter None { get; } = new(null, null, null);
}
