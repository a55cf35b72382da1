using System.Diagnostics;
using System.Globalization;
using ClinicBot.Analytics;
using ClinicBot.SdkTuning;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

// Modes:
//   analytics [events] [runs]  — events through the real queue + writer + DatabaseAnalyticsStore, nothing else.
//   mixed [turns] [runs]       — 32 concurrent conversations; a turn = bot-state read + write (BotStateStorage)
//                                 + one analytics turn event, like the reply path's storage work.
//   prepare [reads] [runs]     — the bot-state SELECT on one open connection: a new command per read (as
//                                 BotStateStorage does, parsed every time) against one command reused (parsed once);
//                                 and the CPU of a pooled SqliteDatabase.OpenAsync + dispose.
//   turnstate [turns] [runs]   — the conversation state's load + save of a mid-booking turn: the SDK's ConversationState
//                                 against JsonComparedConversationState, side by side (see TurnStateRun).
//   batches [events] [runs]    — DatabaseAnalyticsStore.WriteAsync alone, in batches of 1, 16, 64 and 256 events:
//                                 the cost per event and how long one batch holds the write gate.
var mode = args.Length > 0 ? args[0] : "analytics";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

// Run 0 warms up (JIT tiering, the native SQLite library); it is printed but not one of the measured runs.
for (var run = 0; run <= runs; run++)
{
    var folder = Directory.CreateTempSubdirectory("clinicbot-storagebench-").FullName;
    try
    {
        if (mode == "prepare")
        {
            await PrepareRun.RunAsync(new SqliteDatabase(Path.Combine(folder, "bench.db")), count, run);
            continue;
        }

        if (mode == "turnstate")
        {
            await TurnStateRun.RunAsync(new SqliteDatabase(Path.Combine(folder, "bench.db")), count, run);
            continue;
        }

        if (mode == "batches")
        {
            await BatchSizeRun.RunAsync(new SqliteDatabase(Path.Combine(folder, "bench.db")), count, run);
            continue;
        }

        var database = new SqliteDatabase(Path.Combine(folder, "bench.db"));
        var result = mode switch
        {
            "analytics" => await AnalyticsRun.RunAsync(database, count),
            "mixed" => await MixedRun.RunAsync(database, count),
            _ => throw new ArgumentException($"unknown mode {mode}"),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode} run {(run == 0 ? "0 (warm-up)" : run)}: {count} in {result.Wall.TotalMilliseconds:F0} ms = {count / result.Wall.TotalSeconds:F0}/s, CPU {result.Cpu.TotalMilliseconds:F0} ms = {result.Cpu.TotalMilliseconds * 1000 / count:F1} us per item, stored {result.Stored}"));
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

internal sealed record RunResult(TimeSpan Wall, TimeSpan Cpu, long Stored);

internal static class Measure
{
    public static async Task<RunResult> TimeAsync(Func<Task> work, Func<Task<long>> stored)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new RunResult(clock.Elapsed, cpu, await stored());
    }

    public static async Task<long> CountAsync(ClinicDatabase database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand($"SELECT COUNT(*) FROM {table};");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

internal static class AnalyticsRun
{
    public static Task<RunResult> RunAsync(ClinicDatabase database, int events)
    {
        var queue = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance);
        var store = new DatabaseAnalyticsStore(database, new AnalyticsDayCalendar(TimeZoneInfo.Utc), BenchProtection.Protectors);
        return Measure.TimeAsync(
            async () =>
            {
                using var writer = new AnalyticsWriterService(queue, store, NullLogger<AnalyticsWriterService>.Instance);
                await writer.StartAsync(CancellationToken.None);
                for (var i = 0; i < events; i++)
                {
                    // The queue drops events when full; keep it below capacity so every event is written.
                    while (queue.Reader.Count >= QueuedConversationAnalytics.Capacity / 2)
                    {
                        await Task.Delay(1);
                    }

                    await queue.RecordTurnAsync(Turn(i), CancellationToken.None);
                }

                while (queue.Reader.Count > 0)
                {
                    await Task.Delay(1);
                }

                await writer.StopAsync(CancellationToken.None);
            },
            () => Measure.CountAsync(database, "analytics_turns"));
    }

    public static TurnAnalytics Turn(int i) =>
        new(DateTimeOffset.UtcNow, "webchat", $"conversation-{i % 32}", i % 3 == 0 ? ["hours", "cost"] : ["location"], false, i % 10 == 0 ? "do you take aetna insurance" : null);
}

internal static class PrepareRun
{
    private const string Select = "SELECT etag, json FROM bot_state WHERE key = @key;";

    public static async Task RunAsync(ClinicDatabase database, int reads, int run)
    {
        await new BotStateStorage(database, BenchProtection.Protectors).WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["v"] = new string('x', 1500) } });
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var fresh = await Measure.TimeAsync(
            async () =>
            {
                for (var i = 0; i < reads; i++)
                {
                    await using var command = connection.CreateCommand(Select).With("@key", "k");
                    await ReadAsync(command);
                }
            },
            () => Task.FromResult((long)reads));
        await using var reused = connection.CreateCommand(Select).With("@key", "k");
        var once = await Measure.TimeAsync(
            async () =>
            {
                for (var i = 0; i < reads; i++)
                {
                    reused.Parameters[0].Value = "k";
                    await ReadAsync(reused);
                }
            },
            () => Task.FromResult((long)reads));
        var opens = await Measure.TimeAsync(
            async () =>
            {
                for (var i = 0; i < reads; i++)
                {
                    await using var pooled = await database.OpenAsync(CancellationToken.None);
                }
            },
            () => Task.FromResult((long)reads));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prepare run {run}: new command per read {fresh.Cpu.TotalMilliseconds * 1000 / reads:F1} us CPU, reused command {once.Cpu.TotalMilliseconds * 1000 / reads:F1} us CPU, pooled open + close {opens.Cpu.TotalMilliseconds * 1000 / reads:F1} us CPU"));
    }

    private static async Task ReadAsync(System.Data.Common.DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.GetString(1).Length == 0)
        {
            throw new InvalidOperationException("row missing");
        }
    }
}

internal static class BatchSizeRun
{
    public static async Task RunAsync(ClinicDatabase database, int events, int run)
    {
        var store = new DatabaseAnalyticsStore(database, new AnalyticsDayCalendar(TimeZoneInfo.Utc), BenchProtection.Protectors);
        var hasher = ConversationHasher.CreateRandom();
        foreach (var batchSize in new[] { 1, 16, 64, 256 })
        {
            var batch = Enumerable.Range(0, batchSize).Select(i => (AnalyticsEvent)new TurnEvent(DateTimeOffset.UtcNow, "webchat", hasher.Hash($"c{i}"), i % 3 == 0 ? ["hours", "cost"] : ["location"], false, null)).ToList();
            var batches = events / batchSize;
            var result = await Measure.TimeAsync(
                async () =>
                {
                    for (var i = 0; i < batches; i++)
                    {
                        await store.WriteAsync(batch, CancellationToken.None);
                    }
                },
                () => Task.FromResult((long)(batches * batchSize)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batches run {run}: size {batchSize,3}: {result.Cpu.TotalMilliseconds * 1000 / result.Stored:F1} us CPU per event, {result.Wall.TotalMilliseconds / batches:F2} ms wall per batch"));
        }
    }
}

internal static class MixedRun
{
    private const int Conversations = 32;

    public static Task<RunResult> RunAsync(ClinicDatabase database, int turns)
    {
        var queue = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance);
        var store = new DatabaseAnalyticsStore(database, new AnalyticsDayCalendar(TimeZoneInfo.Utc), BenchProtection.Protectors);
        var state = new BotStateStorage(database, BenchProtection.Protectors);
        var next = -1;
        return Measure.TimeAsync(
            async () =>
            {
                using var writer = new AnalyticsWriterService(queue, store, NullLogger<AnalyticsWriterService>.Instance);
                await writer.StartAsync(CancellationToken.None);
                await Task.WhenAll(Enumerable.Range(0, Conversations).Select(conversation => Task.Run(async () =>
                {
                    var key = $"webchat/conversations/conversation-{conversation}";
                    int turn;
                    while ((turn = Interlocked.Increment(ref next)) < turns)
                    {
                        var read = await state.ReadAsync([key]);
                        var value = read.TryGetValue(key, out var existing) ? existing : NewState();
                        await state.WriteAsync(new Dictionary<string, object> { [key] = value });
                        await queue.RecordTurnAsync(AnalyticsRun.Turn(turn), CancellationToken.None);
                    }
                })));
                while (queue.Reader.Count > 0)
                {
                    await Task.Delay(1);
                }

                await writer.StopAsync(CancellationToken.None);
            },
            () => Measure.CountAsync(database, "analytics_turns"));
    }

    // About the size of a conversation's dialog state mid-booking.
    private static Dictionary<string, object> NewState() => new()
    {
        ["DialogState"] = new Dictionary<string, object>
        {
            ["stack"] = new[] { "booking", "ask-phone" },
            ["values"] = new Dictionary<string, object> { ["name"] = new string('n', 40), ["notes"] = new string('x', 1500) },
        },
    };
}

/// <summary>The at-rest encryption the app uses, with keys in memory (nothing the bench stores outlives it).</summary>
internal static class BenchProtection
{
    public static AtRestProtectors Protectors { get; } = AtRestProtectors.Ephemeral();
}
