using ClinicBot.Storage.Bookings;
using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Retention;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The one database (Storage:Provider: SQLite by default, or PostgreSQL), the bot's state on it (encrypted,
    /// purged when abandoned), and the Data Protection keys that encrypt booking fields
    /// (<see cref="BookingFieldProtector"/>) and everything else personal at rest (<see cref="AtRestProtectors"/>).
    /// The booking store itself is composed in AddClinicBot.
    /// </summary>
    public static IServiceCollection AddClinicStorage(this IServiceCollection services)
    {
        services.AddClinicDatabase();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AtRestProtectors>();
        services.AddSingleton<IJsonStateStorage>(sp => new BotStateStorage(
            sp.GetRequiredService<ClinicDatabase>(), sp.GetRequiredService<AtRestProtectors>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<StateRetentionOptions>().BindConfiguration("Storage");
        services.AddSingleton<StatePurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<StatePurgeService>());
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<IJsonStateStorage>());
        services.AddSingleton<UserState>();

        services.AddDataProtection().SetApplicationName("ClinicBot");
        // Resolved from the final configuration (test hosts and command-line overrides apply), hence not PersistKeysToFileSystem(...) here.
        // ValidateOnStart: a bad DataProtection:KeyStore stops the app at start-up, not at the first encrypted write.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IHostEnvironment, IServiceProvider>((options, configuration, environment, provider) =>
                options.XmlRepository = KeyRepository(configuration, environment, provider))
            .ValidateOnStart();
        services.AddSingleton<BookingFieldProtector>();
        return services;
    }

    /// <summary>
    /// The key ring's store (<see cref="KeyStoreConfiguration"/>): the app's PostgreSQL database, importing the keys
    /// folder's keys the first time, or the owner-only keys folder.
    /// </summary>
    private static IXmlRepository KeyRepository(IConfiguration configuration, IHostEnvironment environment, IServiceProvider provider)
    {
        var folder = new OwnerOnlyXmlRepository(new DirectoryInfo(KeysFolder(configuration, environment)));
        return KeyStoreConfiguration.Read(configuration) == KeyStore.Database
            ? new DatabaseXmlRepository(provider.GetRequiredService<ClinicDatabase>(), importFrom: folder)
            : folder;
    }

    /// <summary>DataProtection:KeysFolder, default &lt;data folder&gt;/keys: beside, never inside, the database file.</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var keysFolder = configuration[KeyStoreConfiguration.KeysFolderKey];
        if (!string.IsNullOrWhiteSpace(keysFolder))
        {
            return Path.Combine(environment.ContentRootPath, keysFolder);
        }

        var databasePath = configuration["Storage:SqlitePath"];
        var dataFolder = !string.IsNullOrWhiteSpace(databasePath)
            ? Path.GetDirectoryName(Path.Combine(environment.ContentRootPath, databasePath))!
            : Path.Combine(environment.ContentRootPath, configuration["Storage:DataFolder"] ?? "data");
        return Path.Combine(dataFolder, "keys");
    }
}
