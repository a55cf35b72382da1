using Npgsql;

namespace ClinicBot.Tests.Infrastructure.Postgres;

/// <summary>
/// The PostgreSQL server the test run shares: the one named by CLINICBOT_TEST_POSTGRES (a connection string with
/// a superuser; .ci/run sets it), else one <see cref="PrivatePostgresServer"/> started on first use and stopped
/// when the test process exits. Tests get their own database on it from <see cref="PostgresTestDatabase"/>.
/// </summary>
public static class PostgresServer
{
    public const string ServerVariable = "CLINICBOT_TEST_POSTGRES";

    private static readonly Lock Gate = new();
    private static PrivatePostgresServer? _private;

    /// <summary>A superuser connection string to the shared server; skips the test when there is none.</summary>
    public static string AdminConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        lock (Gate)
        {
            if (_private is null)
            {
                _private = PrivatePostgresServer.StartNew();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _private?.DisposeDetached();
            }

            return _private.ConnectionString;
        }
    }

    /// <summary>The same server, with another database and pool settings for a test's app.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString())
        {
            Database = database,
            MaxPoolSize = 40,
        }.ConnectionString;
}
