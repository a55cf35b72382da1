using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage;

/// <summary>
/// The app's embedded SQLite database file: where it lives and how to open a connection to it.
/// Every store in the app (bot state, bookings, transcripts) shares this one file.
/// </summary>
public sealed class SqliteDatabase
{
    public SqliteDatabase(string filePath)
    {
        FilePath = Path.GetFullPath(filePath);
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

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
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // synchronous=NORMAL is safe with WAL (no corruption; a power cut may lose the last commits) and
            // saves an fsync on every commit, which dominated turn latency. Both pragmas are per connection.
            command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
