using System.Text;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Retention;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Tests.Storage.AtRest;

/// <summary>
/// Transcripts and bot state are encrypted in their tables and purged by age, on every backend (the derived
/// classes below; PostgreSQL skips without a server). Purges are called directly on a fake clock.
/// </summary>
public abstract class AtRestPurgeContract<TBackend> : IDisposable
    where TBackend : StorageBackend, new()
{
    protected const string Canary = "Philippa Grindlewood 832-555-0177";

    protected TBackend Backend { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-03-02T15:00:00Z"));

    public void Dispose() => Backend.Dispose();

    [SkippableFact]
    public async Task Transcripts_are_stored_encrypted_and_deleted_after_the_retention_since_the_last_activity()
    {
        var database = Backend.Open();
        var store = new TranscriptStore(database, Backend.Protectors, Clock);
        await store.CreateConversationAsync("conv-old", "dl_a", CancellationToken.None);
        await store.AppendAsync("conv-old", _ => "{\"text\":\"" + Canary + "\"}", CancellationToken.None);
        await store.CreateConversationAsync("conv-new", "dl_b", CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(30));
        await store.AppendAsync("conv-new", _ => "{\"text\":\"still here\"}", CancellationToken.None);

        var stored = await ScalarAsync(database, "SELECT activity_json FROM directline_activities WHERE conversation_id = 'conv-old'");
        Assert.StartsWith(AtRestProtector.Prefix, stored);
        Assert.DoesNotContain("Grindlewood", stored);
        Assert.Contains(Canary, Assert.Single(await store.ReadAfterAsync("conv-old", 0, 10, CancellationToken.None)).ActivityJson);

        var purge = new TranscriptPurgeService(store, Options.Create(new DirectLineOptions()), Clock, NullLogger<TranscriptPurgeService>.Instance);
        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await purge.PurgeNowAsync(CancellationToken.None) > 0);

        Assert.Null(await store.FindConversationAsync("conv-old", CancellationToken.None));
        Assert.Empty(await store.ReadAfterAsync("conv-old", 0, 10, CancellationToken.None));
        Assert.NotNull(await store.FindConversationAsync("conv-new", CancellationToken.None));
        Assert.Single(await store.ReadAfterAsync("conv-new", 0, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Bot_state_is_stored_encrypted_and_abandoned_state_is_deleted_after_a_day()
    {
        var database = Backend.Open();
        var storage = new BotStateStorage(database, Backend.Protectors, Clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["abandoned"] = new Dictionary<string, object> { ["Name"] = Canary } });
        Clock.Advance(TimeSpan.FromHours(20));
        await storage.WriteAsync(new Dictionary<string, object> { ["active"] = new Dictionary<string, object> { ["Name"] = "recent" } });

        var stored = await ScalarAsync(database, "SELECT json FROM bot_state WHERE key = 'abandoned'");
        Assert.StartsWith(AtRestProtector.Prefix, stored);
        Assert.DoesNotContain("Grindlewood", stored);
        var read = (IDictionary<string, object>)(await storage.ReadAsync(["abandoned"]))["abandoned"];
        Assert.Equal(Canary, read["Name"]);

        var purge = new StatePurgeService(database, Options.Create(new StateRetentionOptions()), Clock, NullLogger<StatePurgeService>.Instance);
        Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await purge.PurgeNowAsync(CancellationToken.None));

        var left = await storage.ReadAsync(["abandoned", "active"]);
        Assert.Equal(["active"], left.Keys);
    }

    [SkippableFact]
    public async Task State_that_cannot_be_decrypted_reads_as_none_and_does_not_block_the_next_write()
    {
        var database = Backend.Open();
        await new BotStateStorage(database, AtRestProtectors.Ephemeral(), Clock)
            .WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["v"] = "lost key" } });

        var storage = new BotStateStorage(database, Backend.Protectors, Clock);
        Assert.Empty(await storage.ReadAsync(["k"]));
        // BotState writes state it found missing as create-only: it must not fail on the unreadable row.
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["v"] = "fresh" } });
        Assert.Equal("fresh", ((IDictionary<string, object>)(await storage.ReadAsync(["k"]))["k"])["v"]);
    }

    protected static async Task<string> ScalarAsync(ClinicDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class SqliteAtRestPurgeTests : AtRestPurgeContract<SqliteBackend>
{
    [Fact]
    public async Task Plain_text_from_before_encryption_is_gone_from_the_file_and_its_wal_after_a_purge()
    {
        var database = (SqliteDatabase)Backend.Open();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // A row as an older version stored it: plain JSON.
            await using var insert = connection.CreateCommand("INSERT INTO bot_state (key, etag, json, updated_utc) VALUES ('old', 'e', @json, '2026-01-01T00:00:00.0000000Z');")
                .With("@json", "{\"Name\":\"" + Canary + "\"}");
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Contains("Grindlewood", RawText(database.FilePath));

        var purge = new StatePurgeService(database, Options.Create(new StateRetentionOptions()), Clock, NullLogger<StatePurgeService>.Instance);
        Assert.Equal(1, await purge.PurgeNowAsync(CancellationToken.None));

        Assert.DoesNotContain("Grindlewood", RawText(database.FilePath));
    }

    private static string RawText(string databasePath) =>
        Encoding.Latin1.GetString(new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }
            .Where(File.Exists)
            .SelectMany(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            })
            .ToArray());
}

public sealed class PostgresAtRestPurgeTests : AtRestPurgeContract<PostgresBackend>;
