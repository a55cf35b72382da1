using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Storage;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on the app's SQLite file, with ETag optimistic concurrency:
/// a write whose ETag is stale fails with <see cref="EtagConflictException"/>; a write with ETag "*"
/// or no ETag overwrites. ETags are read from <see cref="IStoreItem"/> or, for the dictionaries that
/// BotState saves, from their "eTag" entry; after a write the new ETag is put back on the object so
/// the caller's next write in the same turn carries it.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private const string EtagProperty = "eTag";

    // The same settings as the SDK's own storages: type names kept so values read back as the types written.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 64,
    });

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteStorage(SqliteDatabase database)
    {
        _database = database;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = await OpenWithSchemaAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, json FROM bot_state WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var etag = reader.GetString(0);
            var value = FromStoredJson(reader.GetString(1), etag);

            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise before taking the file's write lock, so the lock is held only for the statements.
        var pending = changes.Select(change => new PendingWrite(change.Key, change.Value, ReadEtag(change.Value), ToStoredJson(change.Value), Guid.NewGuid().ToString("N"))).ToList();

        using var writeTurn = await _database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenWithSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var newEtags = new List<(object Value, string Etag)>(pending.Count);
        foreach (var write in pending)
        {
            var written = write.ExpectedEtag is null or "*"
                ? await UpsertAsync(connection, transaction, write.Key, write.NewEtag, write.Json, cancellationToken).ConfigureAwait(false)
                : await UpdateIfEtagMatchesAsync(connection, transaction, write.Key, write.ExpectedEtag, write.NewEtag, write.Json, cancellationToken).ConfigureAwait(false);
            if (!written)
            {
                throw new EtagConflictException(write.Key);
            }

            newEtags.Add((write.Value, write.NewEtag));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (value, etag) in newEtags)
        {
            WriteEtag(value, etag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var writeTurn = await _database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenWithSchemaAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a connection and checks the store answers; used by the readiness probe.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWithSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bot_state WHERE 0;";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string newEtag, string json, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO bot_state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now)
            ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_utc = excluded.updated_utc;
            """;
        AddParameters(command, key, newEtag, json);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<bool> UpdateIfEtagMatchesAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string expectedEtag, string newEtag, string json, CancellationToken cancellationToken)
    {
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE bot_state SET etag = $etag, json = $json, updated_utc = $now WHERE key = $key AND etag = $expected;";
            AddParameters(update, key, newEtag, json);
            update.Parameters.AddWithValue("$expected", expectedEtag);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return true;
            }
        }

        // No row with that ETag. If the key does not exist at all, an ETag from elsewhere is no conflict
        // (the same rule as the SDK's MemoryStorage); if it exists, the ETag is stale.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bot_state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now) ON CONFLICT(key) DO NOTHING;";
        AddParameters(insert, key, newEtag, json);
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static object? FromStoredJson(string storedJson, string etag)
    {
        // Straight from the text for the shapes that carry an ETag (BotState's dictionaries, store items, JSON
        // objects): the same value as parsing to a JObject, adding "eTag" and converting, without the JObject.
        object? value;
        using (var reader = new JsonTextReader(new StringReader(storedJson)))
        {
            value = Serializer.Deserialize<object>(reader);
        }

        if (value is IStoreItem or IDictionary<string, object> or JObject)
        {
            WriteEtag(value, etag);
            return value;
        }

        // Any other type may have its own "eTag" member: give it the ETag through the JSON, as written.
        var json = JObject.Parse(storedJson);
        json[EtagProperty] = etag;
        return json.ToObject<object>(Serializer);
    }

    private static string ToStoredJson(object value)
    {
        if (value.GetType() == typeof(Dictionary<string, object>))
        {
            // BotState's dictionaries: the same JSON as below, written directly from a copy without the ETag.
            var state = (Dictionary<string, object>)value;
            var withoutEtag = new Dictionary<string, object>(state.Count);
            foreach (var (key, entry) in state)
            {
                if (key != EtagProperty)
                {
                    withoutEtag[key] = entry;
                }
            }

            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
            {
                Serializer.Serialize(writer, withoutEtag);
            }

            return text.ToString();
        }

        var json = JObject.FromObject(value, Serializer);
        json.Remove(EtagProperty);
        return json.ToString(Formatting.None);
    }

    private static void AddParameters(SqliteCommand command, string key, string etag, string json)
    {
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O"));
    }

    private static string? ReadEtag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary when dictionary.TryGetValue(EtagProperty, out var etag) => etag?.ToString(),
        JObject json => json.Value<string>(EtagProperty),
        _ => null,
    };

    private static void WriteEtag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[EtagProperty] = etag;
                break;
            case JObject json:
                json[EtagProperty] = etag;
                break;
        }
    }

    private async Task<SqliteConnection> OpenWithSchemaAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_schemaReady)
        {
            return connection;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE IF NOT EXISTS bot_state (
                        key TEXT PRIMARY KEY NOT NULL,
                        etag TEXT NOT NULL,
                        json TEXT NOT NULL,
                        updated_utc TEXT NOT NULL
                    );
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _schemaLock.Release();
        }

        return connection;
    }

    private sealed record PendingWrite(string Key, object Value, string? ExpectedEtag, string Json, string NewEtag);
}
