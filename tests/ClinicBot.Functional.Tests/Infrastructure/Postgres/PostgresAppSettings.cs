using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Infrastructure.Postgres;

/// <summary>
/// Settings that run the real app on PostgreSQL: pass them to <see cref="ClinicBotAppFactory"/> (or a factory
/// derived from it). Without them the app factory keeps its SQLite default.
/// </summary>
public static class PostgresAppSettings
{
    public static Dictionary<string, string?> For(string connectionString, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = connectionString,
        };
        // Instances of one deployment share the key ring as they share the database (transcripts, state and the
        // token-signing key in it are encrypted): one keys folder per test database.
        settings.TryAdd("DataProtection:KeysFolder", SharedKeysFolder(connectionString));
        return settings;
    }

    private static string SharedKeysFolder(string connectionString)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database ?? "default";
        return Path.Combine(Path.GetTempPath(), "clinicbot-tests", "pg-keys", database);
    }
}
