using System.Data.Common;
using ClinicBot.Storage.Protection;
using Microsoft.Bot.Builder;

namespace ClinicBot.Storage;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on the app's database (SQLite or PostgreSQL, the same SQL), with ETag
/// optimistic concurrency. The ETag comes from <see cref="IStoreItem"/> or, for the dictionaries that BotState
/// saves, from their "eTag" entry:
/// <list type="bullet">
/// <item>a matching ETag updates; a stale one fails with <see cref="EtagConflictException"/> and writes nothing;</item>
/// <item>"*", or an <see cref="IStoreItem"/> / JSON object without an ETag, overwrites (the SDK's rule);</item>
/// <item>a BotState dictionary without an ETag is state that did not exist when the turn read it: it only
/// creates, and fails with <see cref="EtagConflictException"/> if another turn created the key meanwhile (two
/// first turns of one conversation must not overwrite each other).</item>
/// </list>
/// After a write the new ETag is put back on the object, so the caller's next write in the same turn carries it.
/// The JSON is encrypted in the table (<see cref="AtRestProtectors.BotState"/>): a booking draft holds a name and a
/// phone number. A row that cannot be decrypted (its key is gone) reads as no state and is deleted.
/// </summary>
public sealed class BotStateStorage : IJsonStateStorage
{
    private readonly ClinicDatabase _database;
    private readonly AtRestProtector _protector;
    private readonly TimeProvider _time;

    public BotStateStorage(ClinicDatabase database, AtRestProtectors protectors, TimeProvider? time = null)
    {
        _database = database;
        _protector = protectors.BotState;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await ReadOneAsync(connection, key, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                result[key] = stored.Value;
            }
        }

        return result;
    }

    public async Task<StoredValue?> ReadWithJsonAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOneAsync(connection, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise before taking the write gate, so the gate is held only for the statements.
        var pending = changes.Select(change => Pending(change.Key, change.Value, StoredStateJson.Write(change.Value))).ToList();
        await WritePendingAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    public Task WriteJsonAsync(string key, object value, string json, CancellationToken cancellationToken = default) =>
        WritePendingAsync([Pending(key, value, json)], cancellationToken);

    private async Task WritePendingAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        using var writeTurn = await _database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in pending)
        {
            var written = write.Rule switch
            {
                Overwrite => await ExecuteAsync(connection, transaction, UpsertSql, write, cancellationToken).ConfigureAwait(false),
                CreateOnly => await ExecuteAsync(connection, transaction, InsertIfAbsentSql, write, cancellationToken).ConfigureAwait(false),
                IfEtagMatches(var expected) => await UpdateIfEtagMatchesAsync(connection, transaction, write, expected, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException("Unknown write rule."),
            };
            if (!written)
            {
                throw new EtagConflictException(write.Key);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in pending)
        {
            StoredStateJson.SetEtag(write.Value, write.NewEtag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var writeTurn = await _database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand("DELETE FROM bot_state WHERE key = @key;").With("@key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StoredValue?> ReadOneAsync(DbConnection connection, string key, CancellationToken cancellationToken)
    {
        string stored;
        string etag;
        await using (var command = connection.CreateCommand("SELECT etag, json FROM bot_state WHERE key = @key;").With("@key", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            etag = reader.GetString(0);
            stored = reader.GetString(1);
        }

        if (_protector.TryUnprotect(stored) is not { } json)
        {
            // Left in place, the row would make every later create-only write of this key fail as a conflict.
            await DeleteAsync([key], cancellationToken).ConfigureAwait(false);
            return null;
        }

        return StoredStateJson.Read(json, etag) is { } value ? new StoredValue(value, json) : null;
    }

    private PendingWrite Pending(string key, object value, string json) =>
        new(key, value, WriteRuleFor(value), _protector.Protect(json), Guid.NewGuid().ToString("N"));

    private const string UpsertSql = """
        INSERT INTO bot_state (key, etag, json, updated_utc) VALUES (@key, @etag, @json, @now)
        ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_utc = excluded.updated_utc;
        """;

    private const string InsertIfAbsentSql = """
        INSERT INTO bot_state (key, etag, json, updated_utc) VALUES (@key, @etag, @json, @now)
        ON CONFLICT (key) DO NOTHING;
        """;

    private const string UpdateIfEtagMatchesSql = """
        UPDATE bot_state SET etag = @etag, json = @json, updated_utc = @now WHERE key = @key AND etag = @expected;
        """;

    private async Task<bool> UpdateIfEtagMatchesAsync(DbConnection connection, DbTransaction transaction, PendingWrite write, string expectedEtag, CancellationToken cancellationToken)
    {
        await using (var update = Command(connection, transaction, UpdateIfEtagMatchesSql, write).With("@expected", expectedEtag))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return true;
            }
        }

        // No row with that ETag. If the key does not exist at all, an ETag from elsewhere is no conflict
        // (the same rule as the SDK's MemoryStorage); if it exists, the ETag is stale.
        return await ExecuteAsync(connection, transaction, InsertIfAbsentSql, write, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, PendingWrite write, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, write);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, PendingWrite write) =>
        connection.CreateCommand(sql, transaction)
            .With("@key", write.Key)
            .With("@etag", write.NewEtag)
            .With("@json", write.StoredJson)
            .With("@now", UpdatedUtcText(_time.GetUtcNow()));

    /// <summary>updated_utc as stored: round-trip ISO 8601 ending in Z (fixed width, so text order is time order).</summary>
    public static string UpdatedUtcText(DateTimeOffset time) =>
        time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static WriteRule WriteRuleFor(object value) => StoredStateJson.GetEtag(value) switch
    {
        "*" => new Overwrite(),
        null when value is IDictionary<string, object> => new CreateOnly(),
        null => new Overwrite(),
        var etag => new IfEtagMatches(etag),
    };

    private abstract record WriteRule;

    private sealed record Overwrite : WriteRule;

    private sealed record CreateOnly : WriteRule;

    private sealed record IfEtagMatches(string Expected) : WriteRule;

    /// <param name="StoredJson">The state's JSON as the table holds it: encrypted.</param>
    private sealed record PendingWrite(string Key, object Value, WriteRule Rule, string StoredJson, string NewEtag);
}
