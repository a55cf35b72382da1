namespace ClinicBot.Abuse;

/// <summary>
/// How many bookings each client has made today (the clinic's calendar day), against
/// <c>Abuse:BookingsPerClientPerDay</c>. Kept in this process's memory only: it resets when the app restarts, and
/// with several instances behind a load balancer each counts on its own (a client could reach the cap once per
/// instance). A booking reserves its place before it is saved and gives it back if the save fails or was a retry,
/// so concurrent bookings from one client cannot slip past the cap. A booking already counted (the same idempotency
/// key: a turn re-run after a state conflict, a redelivered message) is let through again, so its person gets the
/// booking's reference rather than a refusal.
/// </summary>
public sealed class DailyBookingCap(int perClientPerDay, TimeZoneInfo clinicTimeZone, TimeProvider time)
{
    public const string Key = "Abuse:BookingsPerClientPerDay";
    public const int DefaultPerClientPerDay = 5;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countedBookings = new(StringComparer.Ordinal);
    private DateOnly _day;

    /// <summary>0 or less turns the cap off.</summary>
    public bool IsEnabled => perClientPerDay > 0;

    /// <summary>
    /// A place for booking <paramref name="bookingKey"/> today, or null when <paramref name="client"/> has used them
    /// all. A booking counted before keeps its place.
    /// </summary>
    public Reservation? TryReserve(string client, string bookingKey)
    {
        lock (_gate)
        {
            StartNewDayIfNeeded();
            if (_countedBookings.Contains(bookingKey))
            {
                return new Reservation(client, bookingKey, _day, AlreadyCounted: true);
            }

            var count = _counts.GetValueOrDefault(client);
            if (count >= perClientPerDay)
            {
                return null;
            }

            _counts[client] = count + 1;
            _countedBookings.Add(bookingKey);
            return new Reservation(client, bookingKey, _day, AlreadyCounted: false);
        }
    }

    /// <summary>Gives back a place that no new booking used.</summary>
    public void Release(Reservation reservation)
    {
        if (reservation.AlreadyCounted)
        {
            return;
        }

        lock (_gate)
        {
            if (reservation.Day == _day && _countedBookings.Remove(reservation.BookingKey) && _counts.TryGetValue(reservation.Client, out var count))
            {
                if (count <= 1)
                {
                    _counts.Remove(reservation.Client);
                }
                else
                {
                    _counts[reservation.Client] = count - 1;
                }
            }
        }
    }

    private void StartNewDayIfNeeded()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clinicTimeZone).DateTime);
        if (today != _day)
        {
            _counts.Clear();
            _countedBookings.Clear();
            _day = today;
        }
    }

    public sealed record Reservation(string Client, string BookingKey, DateOnly Day, bool AlreadyCounted);
}
