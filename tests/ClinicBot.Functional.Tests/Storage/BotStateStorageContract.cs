using ClinicBot.Storage;
using Microsoft.Bot.Builder;

namespace ClinicBot.Tests.Storage;

/// <summary>
/// What <see cref="BotStateStorage"/> promises, checked on every backend (the derived classes below): the same
/// ETag rules on SQLite and PostgreSQL.
/// </summary>
public abstract class BotStateStorageContract<TBackend> : IDisposable
    where TBackend : StorageBackend, new()
{
    protected TBackend Backend { get; } = new();

    public void Dispose() => Backend.Dispose();

    private BotStateStorage NewStorage() => new(Backend.Open(), Backend.Protectors);

    [SkippableFact]
    public async Task Round_trips_a_store_item_with_its_type_and_a_new_etag()
    {
        var storage = NewStorage();
        var item = new Note { Text = "first", Count = 3 };

        await storage.WriteAsync(new Dictionary<string, object> { ["k1"] = item });
        var read = await storage.ReadAsync(["k1", "missing"]);

        var note = Assert.IsType<Note>(read["k1"]);
        Assert.Equal("first", note.Text);
        Assert.Equal(3, note.Count);
        Assert.False(string.IsNullOrEmpty(note.ETag));
        Assert.Equal(note.ETag, item.ETag);
        Assert.False(read.ContainsKey("missing"));
    }

    [SkippableFact]
    public async Task A_write_with_the_matching_etag_succeeds_and_gets_a_new_etag()
    {
        var storage = NewStorage();
        var item = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item });
        var firstEtag = item.ETag;

        item.Text = "v2";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item });

        Assert.NotEqual(firstEtag, item.ETag);
        var stored = (Note)(await storage.ReadAsync(["k"]))["k"];
        Assert.Equal("v2", stored.Text);
        Assert.Equal(item.ETag, stored.ETag);
    }

    [SkippableFact]
    public async Task Rejects_a_write_with_a_stale_etag_and_keeps_the_newer_value()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (Note)(await storage.ReadAsync(["k"]))["k"];
        var second = (Note)(await storage.ReadAsync(["k"]))["k"];

        first.Text = "v2";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });

        second.Text = "lost update";
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = second }));
        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [SkippableFact]
    public async Task A_conflict_in_one_key_writes_none_of_the_batch()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var stale = (Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });

        stale.Text = "stale";
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["other"] = new Note { Text = "written with the stale one" },
            ["k"] = stale,
        }));

        Assert.False((await storage.ReadAsync(["other"])).ContainsKey("other"));
    }

    [SkippableTheory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task A_wildcard_or_missing_etag_on_a_store_item_overwrites(string? etag)
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = etag } });

        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [SkippableFact]
    public async Task Bot_state_dictionaries_get_optimistic_concurrency_too()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["step"] = 1L } });
        var turnA = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];
        var turnB = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];

        turnA["step"] = 2L;
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = turnA });
        turnA["step"] = 3L;
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = turnA });

        turnB["step"] = 99L;
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["conv"] = turnB }));
        var stored = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];
        Assert.Equal(3L, Convert.ToInt64(stored["step"]));
    }

    [SkippableFact]
    public async Task A_bot_state_dictionary_without_an_etag_only_creates()
    {
        // Two first turns of one conversation both read "no state" and both save state without an ETag.
        var storage = NewStorage();
        var firstTurn = new Dictionary<string, object> { ["step"] = "first" };
        var secondTurn = new Dictionary<string, object> { ["step"] = "second" };

        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = firstTurn });
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["conv"] = secondTurn }));

        var stored = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];
        Assert.Equal("first", stored["step"]);
        Assert.Equal(firstTurn["eTag"], stored["eTag"]);
        Assert.False(secondTurn.ContainsKey("eTag"));
    }

    [SkippableFact]
    public async Task A_bot_state_dictionary_with_the_wildcard_etag_overwrites()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["step"] = "first" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["step"] = "forced", ["eTag"] = "*" } });

        Assert.Equal("forced", ((IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"])["step"]);
    }

    [SkippableFact]
    public async Task Data_survives_a_new_database_object_over_the_same_data()
    {
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "kept" } });

        var read = await NewStorage().ReadAsync(["k"]);

        Assert.Equal("kept", ((Note)read["k"]).Text);
    }

    [SkippableFact]
    public async Task Delete_removes_the_item_and_a_later_create_starts_afresh()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["step"] = 1L } });

        await storage.DeleteAsync(["k", "conv", "never-written"]);

        Assert.Empty(await storage.ReadAsync(["k", "conv"]));
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["step"] = 2L } });
        Assert.Equal(2L, Convert.ToInt64(((IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"])["step"]));
    }

    [SkippableFact]
    public async Task Concurrent_writers_with_the_same_etag_let_exactly_one_win()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v0" } });
        var etag = ((Note)(await storage.ReadAsync(["k"]))["k"]).ETag;

        var outcomes = await Race(8, i => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}", ETag = etag } }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = outcomes.ToList().IndexOf(true);
        Assert.Equal($"writer {winner}", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [SkippableFact]
    public async Task Concurrent_first_turns_from_two_instances_let_exactly_one_create_the_state()
    {
        // Two app instances (two database objects, two pools) racing to create one conversation's state.
        var instanceA = NewStorage();
        var instanceB = NewStorage();

        var outcomes = await Race(8, i => (i % 2 == 0 ? instanceA : instanceB).WriteAsync(
            new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["writer"] = (long)i } }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = outcomes.ToList().IndexOf(true);
        Assert.Equal(winner, Convert.ToInt64(((IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"])["writer"]));
    }

    private static async Task<bool[]> Race(int writers, Func<int, Task> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await write(i);
                return true;
            }
            catch (EtagConflictException)
            {
                return false;
            }
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}

public sealed class SqliteBotStateStorageTests : BotStateStorageContract<SqliteBackend>;

public sealed class PostgresBotStateStorageTests : BotStateStorageContract<PostgresBackend>;
