using System.Security.Cryptography;

using ClinicBot.Storage;
using ClinicBot.Storage.Protection;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// The HMAC key for local Direct Line tokens: the configured one, or one generated on first use and kept
/// in the database, encrypted (<see cref="AtRestProtectors.SigningKey"/>), so tokens stay valid across restarts
/// and are accepted by every instance. A key stored in plain text by an older version is encrypted when read;
/// one that cannot be decrypted (the key ring is gone) is replaced, which ends the tokens signed with it.
/// </summary>
public sealed class SigningKeyStore(ClinicDatabase database, AtRestProtectors protectors)
{
    private const string SettingName = "token_signing_key";
    private readonly AtRestProtector _protector = protectors.SigningKey;
    private byte[]? _key;

    public async Task<byte[]> GetKeyAsync(string? configuredKey, CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            var bytes = Convert.FromBase64String(configuredKey);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
            }

            return _key = bytes;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        // The first instance to get here stores its key; every other instance then reads that one.
        await using (var insert = connection.CreateCommand("INSERT INTO directline_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING;")
            .With("@name", SettingName)
            .With("@value", NewProtectedKey()))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = await ReadAsync(connection, cancellationToken);
        if (AtRestProtector.IsProtected(stored) && _protector.TryUnprotect(stored) is { } key)
        {
            return _key = Convert.FromBase64String(key);
        }

        // Plain (older version) or unreadable: replace it, only if no other instance has meanwhile.
        var replacement = AtRestProtector.IsProtected(stored) ? NewProtectedKey() : _protector.Protect(stored);
        await using (var update = connection.CreateCommand("UPDATE directline_settings SET value = @value WHERE name = @name AND value = @old;")
            .With("@name", SettingName)
            .With("@value", replacement)
            .With("@old", stored))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await ReadAsync(connection, cancellationToken);
        return _key = Convert.FromBase64String(_protector.TryUnprotect(current)
            ?? throw new InvalidOperationException("The Direct Line signing key cannot be decrypted with this instance's key ring."));
    }

    private string NewProtectedKey() => _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private static async Task<string> ReadAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand("SELECT value FROM directline_settings WHERE name = @name;").With("@name", SettingName);
        return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
    }
}
