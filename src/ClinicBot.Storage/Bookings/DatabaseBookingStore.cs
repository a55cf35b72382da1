using System.Data.Common;
using System.Globalization;
using ClinicBot.Booking.Store;

namespace ClinicBot.Storage.Bookings;

/// <summary>
/// Keeps bookings in the app's database (SQLite or PostgreSQL, the same SQL). All booking SQL the bot may run
/// lives in this class (parameterised only). Saving is idempotent on the idempotency key: a retried delivery —
/// from this instance or another — gets the reference of the booking already saved.
/// </summary>
public sealed class DatabaseBookingStore(ClinicDatabase database) : IBookingStore
{
    private const int MaxReferenceAttempts = 5;

    private const string InsertSql = """
        INSERT INTO bookings (reference, idempotency_key, name, phone_e164, email, callback, created_at, channel, call_for, booked_by)
        VALUES (@reference, @key, @name, @phone, @email, @callback, @created, @channel, @callFor, @bookedBy)
        ON CONFLICT (idempotency_key) DO NOTHING;
        """;

    private const string SelectReferenceSql = "SELECT reference FROM bookings WHERE idempotency_key = @key;";

    private const string ListSql = """
        SELECT reference, name, phone_e164, email, callback, created_at, channel, call_for, booked_by
        FROM bookings ORDER BY id;
        """;

    public async Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            // SQLite: an IMMEDIATE transaction (Microsoft.Data.Sqlite's default) takes the write lock first, so two
            // deliveries of one booking serialise. PostgreSQL: the second insert of a key waits for the first to
            // commit, then does nothing; the SELECT (a new snapshot under READ COMMITTED) sees the first's row.
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var reference = BookingReference.New();
            try
            {
                var inserted = await InsertAsync(connection, transaction, request, reference, ct).ConfigureAwait(false);
                var stored = await SelectReferenceAsync(connection, transaction, request.IdempotencyKey, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new BookingSaveResult(stored, inserted);
            }
            catch (DbException ex) when (database.IsUniqueViolation(ex) && attempt < MaxReferenceAttempts)
            {
                // The random reference was already taken (the idempotency key conflict does not throw): try another.
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand(ListSql);

        var records = new List<BookingRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    /// <summary>A booking row whose first nine columns are those of the list query (reference … booked_by).</summary>
    public static BookingRecord ReadRecord(System.Data.Common.DbDataReader reader) => new(
        Reference: reader.GetString(0),
        Name: reader.GetString(1),
        PhoneE164: reader.GetString(2),
        Email: reader.GetNullableString(3),
        Callback: DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.None),
        CreatedAt: DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Channel: reader.GetString(6),
        CallFor: reader.GetNullableString(7),
        BookedBy: reader.GetNullableString(8));

    /// <summary>The text written to created_at: UTC, fixed width, so text order is time order (retention compares it).</summary>
    public static string CreatedAtText(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, BookingRequest request, string reference, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(InsertSql, transaction)
            .With("@reference", reference)
            .With("@key", request.IdempotencyKey)
            .With("@name", request.Name)
            .With("@phone", request.PhoneE164)
            .With("@email", request.Email)
            .With("@callback", request.Callback.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
            .With("@created", CreatedAtText(request.CreatedAt))
            .With("@channel", request.Channel)
            .With("@callFor", request.CallFor)
            .With("@bookedBy", request.BookedBy);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    private static async Task<string> SelectReferenceAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(SelectReferenceSql, transaction).With("@key", key);
        var reference = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        return reference ?? throw new InvalidOperationException("The booking was not found right after saving it.");
    }
}
