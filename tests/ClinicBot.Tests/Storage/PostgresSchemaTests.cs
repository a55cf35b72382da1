using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Tests.Infrastructure.Postgres;
using Microsoft.Extensions.Configuration;

namespace ClinicBot.Tests.Storage;

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

    [Theory]
    [InlineData("sqlite", StorageProvider.Sqlite)]
    [InlineData(null, StorageProvider.Sqlite)]
    [InlineData("Postgres", StorageProvider.Postgres)]
    [InlineData("POSTGRES", StorageProvider.Postgres)]
    public void The_provider_setting_is_case_insensitive_and_defaults_to_sqlite(string? value, StorageProvider expected)
    {
        Assert.Equal(expected, StorageConfiguration.ReadProvider(Configuration(("Storage:Provider", value))));
    }

    [Fact]
    public void An_unknown_provider_or_a_missing_connection_string_is_a_clear_start_up_error()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.ReadProvider(Configuration(("Storage:Provider", "Oracle"))));
        Assert.Contains("Storage:Provider", unknown.Message);
        Assert.Contains("Postgres", unknown.Message);

        var missing = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.CreateDatabase(Configuration(("Storage:Provider", "Postgres")), "/tmp"));
        Assert.Contains("Storage:PostgresConnectionString", missing.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_without_its_password()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.CreateDatabase(
            Configuration(("Storage:Provider", "Postgres"), ("Storage:PostgresConnectionString", "Host=db;Password=s3cret-Pa55;Colour=blue")), "/tmp"));

        Assert.Contains("Storage:PostgresConnectionString", error.Message);
        Assert.DoesNotContain("s3cret-Pa55", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
