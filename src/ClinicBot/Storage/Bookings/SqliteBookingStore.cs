using System.Globalization;
using ClinicBot.Dialogs.Booking.Store;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Bookings;

/// <summary>
/// Keeps bookings in a SQLite file. All booking SQL lives in this class (parameterised only), so that
/// encrypting fields at rest later touches one place. Saving is idempotent on the idempotency key:
/// a retried delivery gets the reference of the booking already saved.
/// </summary>
public sealed class SqliteBookingStore : IBookingStore
{
    private const int SqliteConstraintError = 19;
    private const int MaxReferenceAttempts = 5;

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS bookings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            phone_e164 TEXT NOT NULL,
            email TEXT NULL,
            callback TEXT NOT NULL,
            created_at TEXT NOT NULL,
            channel TEXT NOT NULL
        );
        """;

    private const string InsertSql = """
        INSERT INTO bookings (reference, idempotency_key, name, phone_e164, email, callback, created_at, channel)
        VALUES ($reference, $key, $name, $phone, $email, $callback, $created, $channel)
        ON CONFLICT(idempotency_key) DO NOTHING;
        """;

    private const string SelectReferenceSql = "SELECT reference FROM bookings WHERE idempotency_key = $key;";

    private const string ListSql = """
        SELECT reference, name, phone_e164, email, callback, created_at, channel
        FROM bookings ORDER BY id;
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteBookingStore(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("A SQLite connection string is required.", nameof(connectionString));
        }

        _connectionString = connectionString;
    }

    public async Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            // IMMEDIATE: take the write lock first, so two deliveries of the same booking serialise here.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var reference = BookingReference.New();
            try
            {
                var inserted = await InsertAsync(connection, transaction, request, reference, ct).ConfigureAwait(false);
                var stored = await SelectReferenceAsync(connection, transaction, request.IdempotencyKey, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new BookingSaveResult(stored, inserted);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraintError && attempt < MaxReferenceAttempts)
            {
                // The random reference was already taken (the idempotency key conflict does not throw): try another.
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ListSql;

        var records = new List<BookingRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            records.Add(new BookingRecord(
                Reference: reader.GetString(0),
                Name: reader.GetString(1),
                PhoneE164: reader.GetString(2),
                Email: reader.IsDBNull(3) ? null : reader.GetString(3),
                Callback: DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.None),
                CreatedAt: DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Channel: reader.GetString(6)));
        }

        return records;
    }

    private static async Task<bool> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, BookingRequest request, string reference, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$key", request.IdempotencyKey);
        command.Parameters.AddWithValue("$name", request.Name);
        command.Parameters.AddWithValue("$phone", request.PhoneE164);
        command.Parameters.AddWithValue("$email", (object?)request.Email ?? DBNull.Value);
        command.Parameters.AddWithValue("$callback", request.Callback.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$created", request.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$channel", request.Channel);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    private static async Task<string> SelectReferenceAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectReferenceSql;
        command.Parameters.AddWithValue("$key", key);
        var reference = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        return reference ?? throw new InvalidOperationException("The booking was not found right after saving it.");
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA busy_timeout = 5000;", ct).ConfigureAwait(false);
            await EnsureCreatedAsync(connection, ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureCreatedAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
                await ExecuteAsync(connection, CreateTableSql, ct).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
