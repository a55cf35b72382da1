using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The app's embedded SQLite database file (the default backend): where it lives, how to open a connection
/// to it, and its tables (<see cref="SqliteSchema"/>, created when this object is made).
/// </summary>
public sealed class SqliteDatabase : ClinicDatabase
{
    private const int SqliteConstraintError = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public SqliteDatabase(string filePath)
    {
        FilePath = Path.GetFullPath(filePath);
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        DatabaseFileModes.CreateOwnerOnly(FilePath);

        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at once; it is a property of the file, set once.
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;" + SqliteSchema.Sql;
        command.ExecuteNonQuery();
        AddMissingColumns(connection);
    }

    // SQLite has no ADD COLUMN IF NOT EXISTS: a file made before a column was added gets it here.
    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            using var check = connection.CreateCommand();
            check.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';";
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                using var add = connection.CreateCommand();
                add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition};";
                add.ExecuteNonQuery();
            }
        }
    }

    private static readonly object Configured = new();

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Native handles that already carry the per-connection pragmas; entries go when the pool closes a handle.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configuredHandles = new();

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Resolves the database path from configuration: Storage:SqlitePath, else DataFolder/SqliteFileName under the content root.</summary>
    public static SqliteDatabase FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        var explicitPath = configuration["Storage:SqlitePath"];
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new SqliteDatabase(Path.Combine(contentRootPath, explicitPath));
        }

        var folder = configuration["Storage:DataFolder"] ?? "data";
        var fileName = configuration["Storage:SqliteFileName"] ?? "clinicbot.db";
        return new SqliteDatabase(Path.Combine(contentRootPath, folder, fileName));
    }

    /// <summary>
    /// Lets one writer at a time into the file from this process. SQLite takes one writer per file anyway; a
    /// second writer waits inside SQLite's busy handler, which sleeps on (blocks) a thread-pool thread with a
    /// growing back-off, and a deferred transaction that upgrades to a write can fail at once with SQLITE_BUSY.
    /// Writers that await this gate first just queue, without holding threads. Hold it around a whole write
    /// transaction; dispose the returned value to let the next writer in.
    /// </summary>
    public override async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeGate);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // A pooled connection keeps its native handle, and the handle keeps its pragmas: set them once per
            // handle, not on every open (two opens per turn on the reply path).
            if (_configuredHandles.TryAdd(connection.Handle!, Configured))
            {
                await using var command = connection.CreateCommand();
                // synchronous=NORMAL is safe with WAL (no corruption; a power cut may lose the last commits) and
                // saves an fsync on every commit, which dominated turn latency. secure_delete zeroes freed pages, so
                // a finished booking's draft does not linger in the file. These pragmas are per connection.
                command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand("SELECT COUNT(*) FROM bot_state WHERE 0;");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the WAL's pages into the file and truncates it, so rows a purge deleted (whose pages secure_delete
    /// zeroed in the file) no longer sit in the -wal as they were. Best effort: readers in progress may keep part of it.
    /// </summary>
    public override async Task CompactAfterDeleteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand("PRAGMA wal_checkpoint(TRUNCATE);");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException sqlite
        && sqlite.SqliteErrorCode == SqliteConstraintError
        && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
