using ClinicBot.Storage.Bookings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Bot.Builder;

namespace ClinicBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The one database (Storage:Provider: SQLite by default, or PostgreSQL), the bot's state on it, and the
    /// Data Protection keys that encrypt booking fields (<see cref="BookingFieldProtector"/>). The booking store
    /// itself is composed in AddClinicBot.
    /// </summary>
    public static IServiceCollection AddClinicStorage(this IServiceCollection services)
    {
        services.AddClinicDatabase();
        services.AddSingleton<IJsonStateStorage, BotStateStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<IJsonStateStorage>());
        services.AddSingleton<UserState>();

        services.AddDataProtection().SetApplicationName("ClinicBot");
        // Resolved from the final configuration (test hosts and command-line overrides apply), hence not PersistKeysToFileSystem(...) here.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configuration, environment, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(configuration, environment)), loggers));
        services.AddSingleton<BookingFieldProtector>();
        return services;
    }

    /// <summary>DataProtection:KeysFolder, default &lt;data folder&gt;/keys: beside, never inside, the database file.</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var keysFolder = configuration["DataProtection:KeysFolder"];
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
