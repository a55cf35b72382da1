using System.Data.Common;
using ClinicBot.Storage;
using ClinicBot.Storage.Bookings;

namespace ClinicBot.Staff.Retention;

/// <summary>
/// Deletes booking requests (and their status rows and old analytics rows) older than the retention period.
/// The DELETE on the bookings table lives here, not in DatabaseBookingStore: that store's contract
/// (IBookingStore) is what the booking dialog may do — save and list — and deleting patient data is a
/// staff/retention policy decision that should not be reachable from the bot's side.
/// </summary>
public sealed class BookingRetentionPurger(ClinicDatabase database)
{
    /// <returns>How many bookings were deleted.</returns>
    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        // Same text format the booking store writes (UTC, fixed width), so text comparison orders by time.
        var cutoffText = DatabaseBookingStore.CreatedAtText(cutoff);
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, """
            DELETE FROM booking_status
            WHERE reference IN (SELECT reference FROM bookings WHERE created_at < @cutoff)
               OR reference NOT IN (SELECT reference FROM bookings);
            """, cutoffText, ct).ConfigureAwait(false);
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM bookings WHERE created_at < @cutoff;", cutoffText, ct).ConfigureAwait(false);
        // Topics first: SQLite enforces the foreign key's cascade only on connections that turned it on.
        await ExecuteAsync(connection, transaction, "DELETE FROM analytics_topics WHERE turn_id IN (SELECT id FROM analytics_turns WHERE at < @cutoff);", cutoffText, ct).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM analytics_turns WHERE at < @cutoff;", cutoffText, ct).ConfigureAwait(false);

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string cutoff, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(sql, transaction).With("@cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
