using System.Data.Common;
using ClinicBot.Storage.Schema;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The app's data in PostgreSQL, shared by every instance of the app. One pooled <see cref="NpgsqlDataSource"/>
/// serves all stores; the schema is migrated (<see cref="PostgresMigrator"/>) before the first connection is
/// handed out. PostgreSQL handles concurrent writers itself, so there is no in-process write gate.
/// </summary>
public sealed class PostgresDatabase : ClinicDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>How long the readiness ping may take to connect and to answer.</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private const string UniqueViolation = "23505";

    private static readonly Task<IDisposable> NoGate = Task.FromResult<IDisposable>(new NoWriteGate());

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _pingConnectionString;
    private readonly PostgresMigrator _migrator;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, IReadOnlyList<SchemaMigration>? migrations = null)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            // The builder's message names the offending keyword or position, never the values (the password).
            throw new InvalidOperationException($"{StorageConfiguration.PostgresConnectionStringKey} is not a valid Npgsql connection string: {exception.Message}");
        }

        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        // The probe must answer "unhealthy" quickly when the server is gone, and must not be fooled by a pooled
        // connection that was open before the server went away: short timeouts, no pooling.
        _pingConnectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Timeout = (int)PingTimeout.TotalSeconds,
            CommandTimeout = (int)PingTimeout.TotalSeconds,
            Pooling = false,
        }.ConnectionString;
        _migrator = new PostgresMigrator(migrations ?? PostgresSchema.Migrations);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>The pooled data source, for EF Core (staff accounts) to share.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    public static PostgresDatabase FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[StorageConfiguration.PostgresConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{StorageConfiguration.ProviderKey} is Postgres, so {StorageConfiguration.PostgresConnectionStringKey} must be set "
                + "(an Npgsql connection string, e.g. Host=db;Database=clinicbot;Username=clinicbot;Password=...).");
        }

        return new PostgresDatabase(connectionString);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => NoGate;

    /// <summary>Ready = the schema is in place (migrating now if it never could) and a fresh connection answers.</summary>
    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout + PingTimeout);
        await EnsureMigratedAsync(timeout.Token).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(_pingConnectionString);
        await connection.OpenAsync(timeout.Token).ConfigureAwait(false);
        await using var command = connection.CreateCommand("SELECT 1;");
        await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation };

    /// <summary>Creates or upgrades the schema once per process (and safely across instances); retried after a failure.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await _migrator.MigrateAsync(_dataSource, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private sealed class NoWriteGate : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
