using Npgsql;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Infrastructure.Postgres;

/// <summary>
/// A fresh, empty database (clinicbot_t_&lt;guid&gt;) on the shared test server, dropped on dispose. Use as an
/// xunit class fixture: it is created lazily by <see cref="ConnectionString"/>, so a test without PostgreSQL
/// is skipped (not failed) from inside the test.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly Lock _gate = new();
    private string? _connectionString;

    public string Name { get; } = $"clinicbot_t_{Guid.NewGuid():N}";

    /// <summary>The database's connection string (creating it on first use); skips the test without PostgreSQL.</summary>
    public string ConnectionString
    {
        get
        {
            lock (_gate)
            {
                if (_connectionString is null)
                {
                    Execute(PostgresServer.AdminConnectionString(), $"CREATE DATABASE {Name};");
                    _connectionString = PostgresServer.ConnectionStringFor(Name);
                }

                return _connectionString;
            }
        }
    }

    /// <summary>Runs one query on this database and returns its rows, to check what the app really stored.</summary>
    public List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        return DbRows.ReadAll(reader);
    }

    public void Dispose()
    {
        if (_connectionString is null)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            Execute(PostgresServer.AdminConnectionString(), $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
        }
        catch (NpgsqlException)
        {
            // The server is gone already (a fault test stopped it); its files go with it.
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
