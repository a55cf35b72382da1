namespace ClinicBot.Storage.Protection;

/// <summary>Where the Data Protection key ring lives: configuration key DataProtection:KeyStore.</summary>
public enum KeyStore
{
    /// <summary>Key files in DataProtection:KeysFolder (default &lt;data folder&gt;/keys).</summary>
    Folder,

    /// <summary>The dataprotection_keys table of the app's PostgreSQL database.</summary>
    Database,
}

/// <summary>
/// DataProtection:KeyStore = Folder or Database (case-insensitive). Unset: Database when the app runs on
/// PostgreSQL and no DataProtection:KeysFolder is set (instances share the key ring as they share the
/// database), Folder otherwise. Database needs Storage:Provider=Postgres.
/// </summary>
public static class KeyStoreConfiguration
{
    public const string KeyStoreKey = "DataProtection:KeyStore";
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static KeyStore Read(IConfiguration configuration)
    {
        var onPostgres = StorageConfiguration.ReadProvider(configuration) == StorageProvider.Postgres;
        var value = configuration[KeyStoreKey]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return onPostgres && string.IsNullOrWhiteSpace(configuration[KeysFolderKey]) ? KeyStore.Database : KeyStore.Folder;
        }

        if (string.Equals(value, nameof(KeyStore.Folder), StringComparison.OrdinalIgnoreCase))
        {
            return KeyStore.Folder;
        }

        if (!string.Equals(value, nameof(KeyStore.Database), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{KeyStoreKey} is '{value}': use Folder or Database.");
        }

        if (!onPostgres)
        {
            throw new InvalidOperationException(
                $"{KeyStoreKey} is Database, which needs {StorageConfiguration.ProviderKey}=Postgres; on SQLite the keys stay in {KeysFolderKey}.");
        }

        return KeyStore.Database;
    }
}
