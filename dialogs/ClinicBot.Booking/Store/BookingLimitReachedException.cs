namespace ClinicBot.Booking.Store;

/// <summary>
/// Thrown by a booking store instead of saving when the person's client has made as many bookings as it may today.
/// Nothing was saved; the booking dialog answers with its "dailyLimitReached" text.
/// </summary>
public sealed class BookingLimitReachedException() : Exception("The daily booking limit for this client is reached; nothing was saved.");
