using ClinicBot.Tests.Infrastructure.Postgres;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Storage;

/// <summary>
/// On PostgreSQL the Data Protection key ring lives in the database (DataProtection:KeyStore, default Database
/// there): app hosts on one database read what another protected, without a shared folder, and after a restart.
/// </summary>
public sealed class PostgresKeyRingTests : IDisposable
{
    private const string Purpose = "ClinicBot.Tests.KeyRing";

    private readonly PostgresTestDatabase _database = new();
    private readonly string _keysFolder = TempFolder.Create("clinicbot-keyring");

    public void Dispose()
    {
        _database.Dispose();
        TempFolder.TryDelete(_keysFolder);
    }

    [SkippableFact]
    public void A_value_protected_by_one_host_is_read_by_another_host_on_the_same_database_with_no_key_files()
    {
        using var first = new ClinicBotAppFactory(dataFolder: null, "Production", Settings());
        var secret = Protector(first).Protect("protected by the first host");

        using var second = new ClinicBotAppFactory(dataFolder: null, "Production", Settings());
        Assert.Equal("protected by the first host", Protector(second).Unprotect(secret));

        var key = Assert.Single(_database.Query("SELECT friendly_name, xml FROM dataprotection_keys"));
        Assert.StartsWith("key-", (string)key["friendly_name"]!);
        Assert.Contains("<key ", (string)key["xml"]!);
        Assert.False(Directory.Exists(Path.Combine(first.DataFolder, "keys")), "no key files when the keys are in the database");
        Assert.False(Directory.Exists(Path.Combine(second.DataFolder, "keys")), "no key files when the keys are in the database");
    }

    [SkippableFact]
    public void The_keys_survive_a_restart()
    {
        string secret;
        using (var before = new ClinicBotAppFactory(dataFolder: null, "Production", Settings()))
        {
            secret = Protector(before).Protect("written before the restart");
        }

        using var after = new ClinicBotAppFactory(dataFolder: null, "Production", Settings());
        Assert.Equal("written before the restart", Protector(after).Unprotect(secret));
        Assert.Single(_database.Query("SELECT id FROM dataprotection_keys"));
    }

    [SkippableFact]
    public void Moving_to_the_database_imports_the_keys_folder_so_older_values_stay_readable()
    {
        string secret;
        using (var onFolder = new ClinicBotAppFactory(dataFolder: null, "Production", Settings(("DataProtection:KeyStore", "Folder"))))
        {
            secret = Protector(onFolder).Protect("encrypted with a key file");
        }

        Assert.NotEmpty(Directory.GetFiles(_keysFolder, "*.xml"));
        Assert.Empty(_database.Query("SELECT id FROM dataprotection_keys"));

        using var onDatabase = new ClinicBotAppFactory(dataFolder: null, "Production", Settings(("DataProtection:KeyStore", "Database")));
        Assert.Equal("encrypted with a key file", Protector(onDatabase).Unprotect(secret));
        Assert.Single(_database.Query("SELECT id FROM dataprotection_keys"));
    }

    [Theory]
    [InlineData("Database", "Storage:Provider=Postgres")]
    [InlineData("Vault", "use Folder or Database")]
    public void A_key_store_the_app_cannot_use_stops_it_at_start_up_with_a_message_naming_the_setting(string keyStore, string expected)
    {
        using var app = new ClinicBotAppFactory(dataFolder: null, settings: new Dictionary<string, string?> { ["DataProtection:KeyStore"] = keyStore });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("DataProtection:KeyStore", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = PostgresAppSettings.For(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AllowAnonymous"] = "true",
        });
        foreach (var (key, value) in more)
        {
            settings[key] = value;
            settings["DataProtection:KeysFolder"] = _keysFolder;
        }

        return settings;
    }

    private static IDataProtector Protector(ClinicBotAppFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
