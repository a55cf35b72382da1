using ClinicBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// The channel's tables in the app's shared SQLite file (ClinicBot.Storage.SqliteDatabase, WAL), created
/// on first use.
/// </summary>
public sealed class DirectLineDatabase
{
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

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public DirectLineDatabase(SqliteDatabase database) => _database = database;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await CreateTablesAsync(cancellationToken);
        }

        return await _database.OpenAsync(cancellationToken);
    }

    private async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await _database.OpenAsync(cancellationToken);
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
