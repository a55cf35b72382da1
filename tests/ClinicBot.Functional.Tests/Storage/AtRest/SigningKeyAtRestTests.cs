using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Storage.AtRest;

/// <summary>The generated Direct Line token-signing key is stored encrypted; a plain one from an older version is encrypted in place.</summary>
public sealed class SigningKeyAtRestTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-signing");
    private readonly AtRestProtectors _protectors = AtRestProtectors.Ephemeral();

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task The_generated_key_is_stored_encrypted_and_the_same_key_is_read_after_a_restart()
    {
        var path = Path.Combine(_folder, "clinicbot.db");
        var key = await new SigningKeyStore(new SqliteDatabase(path), _protectors).GetKeyAsync(null, CancellationToken.None);

        var stored = await StoredAsync(new SqliteDatabase(path));
        Assert.StartsWith(AtRestProtector.Prefix, stored);
        Assert.DoesNotContain(Convert.ToBase64String(key), stored);
        Assert.Equal(key, await new SigningKeyStore(new SqliteDatabase(path), _protectors).GetKeyAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_plain_key_from_an_older_version_keeps_working_and_is_encrypted()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, "old.db"));
        var plainKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var insert = connection.CreateCommand("INSERT INTO directline_settings (name, value) VALUES ('token_signing_key', @value);").With("@value", plainKey))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var key = await new SigningKeyStore(database, _protectors).GetKeyAsync(null, CancellationToken.None);

        Assert.Equal(plainKey, Convert.ToBase64String(key));
        var stored = await StoredAsync(database);
        Assert.StartsWith(AtRestProtector.Prefix, stored);
        Assert.DoesNotContain(plainKey, stored);
    }

    private static async Task<string> StoredAsync(ClinicDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var select = connection.CreateCommand("SELECT value FROM directline_settings WHERE name = 'token_signing_key';");
        return (string)(await select.ExecuteScalarAsync())!;
    }
}
