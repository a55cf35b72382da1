using System.Globalization;
using ClinicBot.Storage;

namespace ClinicBot.Staff.Bookings;

/// <summary>The status staff set on each booking (no row = new), kept beside the bookings table by reference.</summary>
public sealed class BookingStatusStore(ClinicDatabase database)
{
    public async Task<IReadOnlyDictionary<string, BookingStatus>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand("SELECT reference, status FROM booking_status;");
        var statuses = new Dictionary<string, BookingStatus>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (BookingStatusNames.TryParse(reader.GetString(1), out var status))
            {
                statuses[reader.GetString(0)] = status;
            }
        }

        return statuses;
    }

    public async Task SetAsync(string reference, BookingStatus status, string staffUserId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand("""
            INSERT INTO booking_status (reference, status, updated_at, updated_by)
            VALUES (@reference, @status, @at, @by)
            ON CONFLICT (reference) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, updated_by = excluded.updated_by;
            """)
            .With("@reference", reference)
            .With("@status", status.ToKey())
            .With("@at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))
            .With("@by", staffUserId);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
