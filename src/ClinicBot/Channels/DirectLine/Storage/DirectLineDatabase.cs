using Microsoft.Data.Sqlite;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// Opens connections to the app's SQLite file (configuration "Storage:SqlitePath", relative paths under
/// the content root) and creates the channel's own tables on first use.
/// </summary>
public sealed class DirectLineDatabase
{
    private const string DefaultPath = "data/clinicbot.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            conversation_id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            started INTEGER NOT NULL DEFAULT 0,
            created_utc INTEGER NOT NULL,
            last_activity_utc INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            activity_json TEXT NOT NULL,
            PRIMARY KEY (conversation_id, sequence)
        );
        CREATE INDEX IF NOT EXISTS directline_conversations_last_activity
            ON directline_conversations (last_activity_utc);
        CREATE TABLE IF NOT EXISTS directline_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public DirectLineDatabase(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public static string ResolvePath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Storage:SqlitePath"];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;", cancellationToken);
            await ExecuteAsync(connection, Schema, cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
