using ClinicBot.Storage;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;

namespace ClinicBot.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-storage");

    private SqliteStorage NewStorage() => new(new SqliteDatabase(Path.Combine(_folder, "state.db")));

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
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

    [Fact]
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

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task A_wildcard_or_missing_etag_overwrites(string? etag)
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = etag } });

        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
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

    [Fact]
    public async Task Data_survives_a_new_storage_instance_on_the_same_file()
    {
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "kept" } });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var read = await NewStorage().ReadAsync(["k"]);

        Assert.Equal("kept", ((Note)read["k"]).Text);
    }

    [Fact]
    public async Task Delete_removes_the_item()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });

        await storage.DeleteAsync(["k"]);

        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_etag_let_exactly_one_win()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v0" } });
        var etag = ((Note)(await storage.ReadAsync(["k"]))["k"]).ETag;

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}", ETag = etag } });
                return true;
            }
            catch (EtagConflictException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}
