using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Infrastructure.Postgres;
using Npgsql;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// A PostgreSQL database the instances share: a fresh database on the run's shared test server, or, with
/// <see cref="CreatePrivate"/>, on a server of the test's own that it can stop and start (<see cref="Server"/>).
/// Creating one skips the test without PostgreSQL (fails with CLINICBOT_REQUIRE_ALL_TESTS=1), as the pg fixtures do.
/// </summary>
public sealed class PostgresFaultBackend : FaultBackend
{
    private readonly PostgresTestDatabase? _sharedServerDatabase;

    private PostgresFaultBackend(string connectionString, PostgresTestDatabase? sharedServerDatabase, PrivatePostgresServer? server)
        : base(TempFolder.Create("clinicbot-faults-pg"))
    {
        ConnectionString = connectionString;
        _sharedServerDatabase = sharedServerDatabase;
        Server = server;
    }

    public string ConnectionString { get; }

    /// <summary>The test's own server, when created with <see cref="CreatePrivate"/>.</summary>
    public PrivatePostgresServer? Server { get; }

    public override string Description => Server is null ? "PostgreSQL (shared test server)" : "PostgreSQL (private server)";

    public override IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>(base.AppSettings)
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:PostgresConnectionString"] = ConnectionString,
    };

    public static PostgresFaultBackend CreateOnSharedServer()
    {
        var database = new PostgresTestDatabase();
        try
        {
            return new PostgresFaultBackend(database.ConnectionString, database, server: null);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public static PostgresFaultBackend CreatePrivate()
    {
        var server = PrivatePostgresServer.StartNew();
        try
        {
            using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                connection.Open();
                using var create = new NpgsqlCommand("CREATE DATABASE clinicbot_faults;", connection);
                create.ExecuteNonQuery();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "clinicbot_faults", MaxPoolSize = 40 }.ConnectionString;
            return new PostgresFaultBackend(connectionString, sharedServerDatabase: null, server);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public override async Task<long> CountAsync(string table)
    {
        var exists = await QueryAsync($"SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = '{table}'");
        return Convert.ToInt64(exists[0]["n"]) == 0 ? 0 : Convert.ToInt64((await QueryAsync($"SELECT COUNT(*) AS n FROM {table}"))[0]["n"]);
    }

    protected override async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        _sharedServerDatabase?.Dispose();
        Server?.Dispose();
        await base.DisposeAsync();
    }
}
