using System.Security.Cryptography;

using ClinicBot.Storage;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// The HMAC key for local Direct Line tokens: the configured one, or one generated on first use and kept
/// in the database so tokens stay valid across restarts and are accepted by every instance.
/// </summary>
public sealed class SigningKeyStore(ClinicDatabase database)
{
    private const string SettingName = "token_signing_key";
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
            .With("@value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = connection.CreateCommand("SELECT value FROM directline_settings WHERE name = @name;").With("@name", SettingName);
        var stored = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        return _key = Convert.FromBase64String(stored);
    }
}
