using ClinicBot.Storage;
using Microsoft.Extensions.Configuration;

namespace ClinicBot.Tests.Storage;

/// <summary>Storage:Provider and Storage:PostgresConnectionString, read the way the app reads them.</summary>
public sealed class StorageConfigurationTests
{
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
