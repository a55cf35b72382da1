namespace ClinicBot.Abuse;

/// <summary>
/// How many bookings each client has made today (the clinic's calendar day), against
/// <c>Abuse:BookingsPerClientPerDay</c>. Kept in this process's memory only: it resets when the app restarts, and
/// with several instances behind a load balancer each counts on its own (a client could reach the cap once per
/// instance). A booking reserves its place before it is saved and gives it back if the save fails or was a retry,
/// so concurrent bookings from one client cannot slip past the cap.
/// </summary>
public sealed class DailyBookingCap(int perClientPerDay, TimeZoneInfo clinicTimeZone, TimeProvider time)
{
    public const string Key = "Abuse:BookingsPerClientPerDay";
    public const int DefaultPerClientPerDay = 5;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private DateOnly _day;

    /// <summary>0 or less turns the cap off.</summary>
    public bool IsEnabled => perClientPerDay > 0;

    /// <summary>A place for one more booking today, or null when <paramref name="client"/> has used them all.</summary>
    public Reservation? TryReserve(string client)
    {
        lock (_gate)
        {
            StartNewDayIfNeeded();
            var count = _counts.GetValueOrDefault(client);
            if (count >= perClientPerDay)
            {
                return null;
            }

            _counts[client] = count + 1;
            return new Reservation(client, _day);
        }
    }

    /// <summary>Gives back a place that no new booking used.</summary>
    public void Release(Reservation reservation)
    {
        lock (_gate)
        {
            if (reservation.Day == _day && _counts.TryGetValue(reservation.Client, out var count))
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
            _day = today;
        }
    }

    public sealed record Reservation(string Client, DateOnly Day);
}
