using ClinicBot.Storage.Protection;
using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Infrastructure.Postgres;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Storage;

/// <summary>
/// One empty database of one engine for one test. <see cref="Open"/> gives a new <see cref="ClinicDatabase"/>
/// over the same data each time (as after a restart, or as a second instance of the app would see it).
/// </summary>
public abstract class StorageBackend : IDisposable
{
    public abstract ClinicDatabase Open();

    /// <summary>One key ring for the backend, so every <see cref="Open"/> reads what another wrote.</summary>
    public AtRestProtectors Protectors { get; } = AtRestProtectors.Ephemeral();

    public abstract void Dispose();
}

/// <summary>A SQLite file in a fresh temporary folder.</summary>
public sealed class SqliteBackend : StorageBackend
{
    private readonly string _folder = TempFolder.Create("clinicbot-storage");

    public string FilePath => Path.Combine(_folder, "clinicbot.db");

    public override ClinicDatabase Open() => new SqliteDatabase(FilePath);

    public override void Dispose() => TempFolder.TryDelete(_folder);
}

/// <summary>A fresh database on the test PostgreSQL server; the test is skipped when there is none.</summary>
public sealed class PostgresBackend : StorageBackend
{
    private readonly List<PostgresDatabase> _opened = [];

    public PostgresTestDatabase Database { get; } = new();

    public override ClinicDatabase Open()
    {
        var database = new PostgresDatabase(Database.ConnectionString);
        _opened.Add(database);
        return database;
    }

    public override void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        Database.Dispose();
    }
}
