using ClinicBot.Storage.Postgres;
using ClinicBot.Tests.Infrastructure.Postgres;

namespace ClinicBot.Tests.Storage;

/// <summary>Start-up migrations on PostgreSQL: ordered, recorded in schema_version, once across instances.</summary>
public sealed class PostgresSchemaTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task Instances_starting_together_apply_each_migration_exactly_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(_database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.EnsureMigratedAsync(CancellationToken.None))));

            var versions = _database.Query("SELECT version FROM schema_version ORDER BY version").Select(row => (int)row["version"]!).ToList();
            Assert.Equal(PostgresSchema.Migrations.Select(step => step.Version), versions);
            var tables = _database.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").Select(row => (string)row["table_name"]!).ToHashSet();
            Assert.Superset(new HashSet<string> { "bot_state", "bookings", "booking_status", "staff_audit", "analytics_turns", "directline_activities", "directline_conversations", "directline_settings", "AspNetUsers", "AspNetRoles" }, tables);
        }
        finally
        {
            instances.ForEach(instance => instance.Dispose());
        }
    }

    [SkippableFact]
    public async Task A_restart_applies_only_migrations_it_has_not_seen()
    {
        using (var first = new PostgresDatabase(_database.ConnectionString, PostgresSchema.Migrations.Take(2).ToList()))
        {
            await first.EnsureMigratedAsync(CancellationToken.None);
        }

        using var upgraded = new PostgresDatabase(_database.ConnectionString);
        await upgraded.EnsureMigratedAsync(CancellationToken.None);

        Assert.Equal(PostgresSchema.Migrations.Count, _database.Query("SELECT version FROM schema_version").Count);
    }
}
