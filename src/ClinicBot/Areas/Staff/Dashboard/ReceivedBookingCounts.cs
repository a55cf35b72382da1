using System.Globalization;
using ClinicBot.Storage;
using ClinicBot.Storage.Bookings;

namespace ClinicBot.Staff.Dashboard;

/// <summary>
/// Booking requests received per clinic-local day, counted from the bookings table itself: the same rows the
/// list shows, so the dashboard's booking count is the number of bookings, not of booking-topic messages.
/// </summary>
public sealed class ReceivedBookingCounts(ClinicDatabase database, ClinicClock clock)
{
    public async Task<IReadOnlyDictionary<DateOnly, int>> PerDayAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand("SELECT created_at FROM bookings WHERE created_at >= @from AND created_at < @before;")
            .With("@from", DatabaseBookingStore.CreatedAtText(clock.StartOfLocalDay(fromDay)))
            .With("@before", DatabaseBookingStore.CreatedAtText(clock.StartOfLocalDay(toDay.AddDays(1))));
        var counts = new Dictionary<DateOnly, int>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var createdAt = DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var day = clock.LocalDate(createdAt);
            counts[day] = counts.GetValueOrDefault(day) + 1;
        }

        return counts;
    }
}
