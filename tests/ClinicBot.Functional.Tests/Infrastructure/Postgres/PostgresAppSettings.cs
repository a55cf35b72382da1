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
        // No DataProtection:KeysFolder: the key ring is in the database (DataProtection:KeyStore defaults to
        // Database on PostgreSQL), so hosts on one test database share it as a deployment's instances do.
        return settings;
    }
}
