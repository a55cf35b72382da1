using System.Security.Cryptography;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// The HMAC key for local Direct Line tokens: the configured one, or one generated on first use and kept
/// in the database so tokens stay valid across restarts.
/// </summary>
public sealed class SigningKeyStore(DirectLineDatabase database)
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
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT OR IGNORE INTO directline_settings (name, value) VALUES ($name, $value);";
            insert.Parameters.AddWithValue("$name", SettingName);
            insert.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM directline_settings WHERE name = $name;";
        select.Parameters.AddWithValue("$name", SettingName);
        var stored = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        return _key = Convert.FromBase64String(stored);
    }
}
