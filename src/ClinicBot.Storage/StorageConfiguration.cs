using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBot.Storage;

/// <summary>
/// Which database the app uses: Storage:Provider = Sqlite (default) or Postgres (case-insensitive);
/// Postgres needs Storage:PostgresConnectionString; SQLite keeps Storage:SqlitePath (or DataFolder/SqliteFileName).
/// </summary>
public static class StorageConfiguration
{
    public const string ProviderKey = "Storage:Provider";
    public const string PostgresConnectionStringKey = "Storage:PostgresConnectionString";

    public static StorageProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.Sqlite;
        }

        if (string.Equals(value.Trim(), nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.Postgres;
        }

        throw new InvalidOperationException($"{ProviderKey} is '{value}': use Sqlite (the default) or Postgres.");
    }

    public static ClinicDatabase CreateDatabase(IConfiguration configuration, string contentRootPath) =>
        ReadProvider(configuration) switch
        {
            StorageProvider.Postgres => PostgresDatabase.FromConfiguration(configuration),
            _ => SqliteDatabase.FromConfiguration(configuration, contentRootPath),
        };

    /// <summary>
    /// Registers the app's <see cref="ClinicDatabase"/> (once, whichever area asks first). It is built from the
    /// final configuration when first resolved, so test hosts and command-line overrides apply.
    /// </summary>
    public static IServiceCollection AddClinicDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => CreateDatabase(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        return services;
    }
}
