using System.Globalization;
using ClinicBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Staff.Retention;

/// <summary>
/// Deletes booking requests (and their status rows and old analytics rows) older than the retention period.
/// The DELETE on the bookings table lives here, not in SqliteBookingStore: that store's contract
/// (IBookingStore) is what the booking dialog may do — save and list — and deleting patient data is a
/// staff/retention policy decision that should not be reachable from the bot's side.
/// </summary>
public sealed class BookingRetentionPurger(SqliteDatabase database)
{
    /// <returns>How many bookings were deleted.</returns>
    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        if (!await TableExistsAsync(connection, "bookings", ct).ConfigureAwait(false))
        {
            return 0;
        }

        // Same text format SqliteBookingStore writes (UTC, fixed width), so text comparison orders by time.
        var cutoffText = cutoff.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, """
            DELETE FROM booking_status
            WHERE reference IN (SELECT reference FROM bookings WHERE created_at < $cutoff)
               OR reference NOT IN (SELECT reference FROM bookings);
            """, cutoffText, ct).ConfigureAwait(false);
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM bookings WHERE created_at < $cutoff;", cutoffText, ct).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM analytics_turns WHERE at < $cutoff;", cutoffText, ct).ConfigureAwait(false);

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string cutoff, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, string name, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }
}
