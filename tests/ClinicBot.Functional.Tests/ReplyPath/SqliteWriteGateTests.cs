using ClinicBot.Storage.Protection;
using ClinicBot.Storage;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.ReplyPath;

/// <summary>Writers to the shared SQLite file queue on an async gate instead of blocking in SQLite's busy handler.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-writegate");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task A_second_writer_waits_until_the_first_lets_go()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, "gate.db"));
        var first = await database.EnterWriteAsync(CancellationToken.None);

        var second = database.EnterWriteAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second dispose must not let a third writer in early
        using var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(5));

        var third = database.EnterWriteAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public async Task Many_concurrent_state_writes_all_land()
    {
        var storage = new BotStateStorage(new SqliteDatabase(Path.Combine(_folder, "state.db")), AtRestProtectors.Ephemeral());

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            storage.WriteAsync(new Dictionary<string, object> { [$"key-{i}"] = new Dictionary<string, object> { ["turn"] = i } })));

        var read = await storage.ReadAsync(Enumerable.Range(0, 32).Select(i => $"key-{i}").ToArray());
        Assert.Equal(32, read.Count);
        Assert.All(Enumerable.Range(0, 32), i => Assert.Equal(i, Convert.ToInt32(((IDictionary<string, object>)read[$"key-{i}"])["turn"])));
    }
}
