using System.Globalization;
using ClinicBot.Storage;

namespace ClinicBot.Staff.Bookings;

/// <summary>The status staff set on each booking (no row = new), kept beside the bookings table by reference.</summary>
public sealed class BookingStatusStore(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS booking_status (
            reference TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        """;

    public async Task<IReadOnlyDictionary<string, BookingStatus>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference, status FROM booking_status;";
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
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO booking_status (reference, status, updated_at, updated_by)
            VALUES ($reference, $status, $at, $by)
            ON CONFLICT(reference) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, updated_by = excluded.updated_by;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$status", status.ToKey());
        command.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$by", staffUserId);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
