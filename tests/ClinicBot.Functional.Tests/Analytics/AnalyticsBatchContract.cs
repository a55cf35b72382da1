using ClinicBot.Storage.Protection;
using ClinicBot.Analytics.Redaction;
using System.Collections.Concurrent;
using System.Globalization;
using ClinicBot.Analytics;
using ClinicBot.Storage;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Tests.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Analytics;

/// <summary>
/// The analytics writer stores queued events in batches, one transaction each, through the real
/// <see cref="DatabaseAnalyticsStore"/>; checked on every backend (the derived classes below).
/// </summary>
public abstract class AnalyticsBatchContract<TBackend> : IDisposable
    where TBackend : StorageBackend, new()
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 20);

    private readonly CapturingLoggerProvider _logs = new();

    protected AnalyticsBatchContract()
    {
        Database = Backend.Open();
        Store = new DatabaseAnalyticsStore(Database, new AnalyticsDayCalendar(TimeZoneInfo.Utc), AtRestProtectors.Ephemeral());
        Queue = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance, UnansweredQuestionRedactor.LoadDefault());
    }

    protected TBackend Backend { get; } = new();

    protected ClinicDatabase Database { get; }

    protected DatabaseAnalyticsStore Store { get; }

    private QueuedConversationAnalytics Queue { get; }

    /// <summary>The type name the engine's driver throws for a NOT NULL violation.</summary>
    protected abstract string ConstraintExceptionName { get; }

    public void Dispose() => Backend.Dispose();

    [SkippableFact]
    public async Task Events_queued_before_the_writer_runs_are_all_stored_in_full_batches_and_counted()
    {
        for (var i = 0; i < 300; i++)
        {
            await Queue.RecordTurnAsync(Turn(i, topics: i % 3 == 0 ? ["hours", "cost"] : ["location"], question: i % 100 == 0 ? $"question {i}" : null), default);
        }

        for (var i = 0; i < 5; i++)
        {
            await Queue.RecordBookingAsync(new BookingAnalytics(Noon, "webchat"), default);
        }

        var recording = new RecordingStore(Store);
        using (var writer = Writer(recording))
        {
            await writer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => recording.Batches.Sum() == 305);
            await writer.StopAsync(CancellationToken.None);
        }

        // Every batch full except the last: the writer took all that was queued, up to the bound, each time.
        Assert.Equal(Enumerable.Range(0, 305).Chunk(AnalyticsWriterService.BatchSize).Select(chunk => chunk.Length), recording.Batches);
        Assert.Equal(300, await CountAsync("analytics_turns"));
        Assert.Equal(100 * 2 + 200, await CountAsync("analytics_topics"));
        var summary = await Store.SummarizeAsync(Day, Day, CancellationToken.None);
        var day = Assert.Single(summary.Days);
        Assert.Equal(7, day.Conversations); // conversation ids c0..c6
        Assert.Equal(5, day.Bookings);
        // Topics count conversations (c0..c6 each touched all three), not the 200 and 100 turns.
        Assert.Equal([("cost", 7), ("hours", 7), ("location", 7)], summary.Topics.Select(topic => (topic.Topic, topic.Count)));
        Assert.Equal(["question 200", "question 100", "question 0"], summary.Unanswered.Select(question => question.MaskedText));
        Assert.Equal(300 / 50, summary.CrisisReplies);
    }

    [SkippableFact]
    public async Task A_batch_with_one_bad_event_stores_none_of_its_events()
    {
        var good = Event(1);
        var bad = (TurnEvent)Event(2) with { Channel = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync([good, bad, Event(3)], CancellationToken.None));

        Assert.Equal(0, await CountAsync("analytics_turns"));
        Assert.Equal(0, await CountAsync("analytics_topics"));
        await Store.WriteAsync([good, Event(3)], CancellationToken.None);
        Assert.Equal(2, await CountAsync("analytics_turns"));
    }

    [SkippableFact]
    public async Task A_bad_event_in_a_batch_loses_only_itself_and_is_logged_by_type_only()
    {
        for (var i = 0; i < 50; i++)
        {
            await Queue.RecordTurnAsync(Turn(i, topics: ["hours"], question: i == 25 ? "poison 832 555 0100" : null), default);
        }

        var poisoning = new PoisoningStore(Store);
        using (var writer = Writer(poisoning))
        {
            await writer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => poisoning.Calls >= 51);
            await writer.StopAsync(CancellationToken.None);
        }

        Assert.Equal(49, await CountAsync("analytics_turns"));
        Assert.Equal(49, await CountAsync("analytics_topics"));
        Assert.Contains(_logs.Entries, entry => entry.Contains($"({ConstraintExceptionName})", StringComparison.Ordinal));
        Assert.DoesNotContain("poison", _logs.AllText);
        Assert.DoesNotContain("[phone]", _logs.AllText);
    }

    [SkippableFact]
    public async Task Shutdown_writes_every_event_still_queued()
    {
        var blocking = new FirstBatchBlockingStore(Store);
        using var writer = Writer(blocking);
        await writer.StartAsync(CancellationToken.None);
        await Queue.RecordTurnAsync(Turn(0), default);
        Assert.True(await blocking.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var i = 1; i < 1000; i++)
        {
            await Queue.RecordTurnAsync(Turn(i), default);
        }

        var stopping = writer.StopAsync(CancellationToken.None);
        blocking.Release.SetResult();
        await stopping;

        Assert.Equal(1000, await CountAsync("analytics_turns"));
        Assert.Contains(_logs.Entries, entry => entry.Contains("events written, 0 left", StringComparison.Ordinal));
    }

    protected static AnalyticsEvent Event(int i) =>
        new TurnEvent(Noon, "webchat", $"hash{i}", ["hours"], false, null);

    private AnalyticsWriterService Writer(IAnalyticsStore store) =>
        new(Queue, store, new Logger<AnalyticsWriterService>(new LoggerFactory([_logs])));

    private static TurnAnalytics Turn(int i, IReadOnlyList<string>? topics = null, string? question = null) =>
        new(Noon, "webchat", $"c{i % 7}", topics ?? [], i % 50 == 0, question);

    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand($"SELECT COUNT(*) FROM {table};");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }

    /// <summary>Passes batches to the real store and notes their sizes.</summary>
    private sealed class RecordingStore(IAnalyticsStore inner) : IAnalyticsStore
    {
        private readonly ConcurrentQueue<int> _batches = new();

        public IReadOnlyList<int> Batches => [.. _batches];

        public async Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
        {
            await inner.WriteAsync(events, ct);
            _batches.Enqueue(events.Count);
        }

        public Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct) => inner.SummarizeAsync(fromDay, toDay, ct);
    }

    /// <summary>Hands the real store the event with the "poison" question without its channel, which the table refuses.</summary>
    private sealed class PoisoningStore(IAnalyticsStore inner) : IAnalyticsStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public async Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
        {
            try
            {
                await inner.WriteAsync(events.Select(e => e is TurnEvent { MaskedQuestion: not null } turn && turn.MaskedQuestion.StartsWith("poison", StringComparison.Ordinal) ? turn with { Channel = null! } : e).ToList(), ct);
            }
            finally
            {
                Interlocked.Increment(ref _calls);
            }
        }

        public Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct) => inner.SummarizeAsync(fromDay, toDay, ct);
    }

    /// <summary>Holds the first batch until released, so the rest of the events are still queued at shutdown.</summary>
    private sealed class FirstBatchBlockingStore(IAnalyticsStore inner) : IAnalyticsStore
    {
        private int _calls;

        public TaskCompletionSource<bool> Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Blocked.SetResult(true);
                await Release.Task;
            }

            await inner.WriteAsync(events, ct);
        }

        public Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct) => inner.SummarizeAsync(fromDay, toDay, ct);
    }
}

public sealed class SqliteAnalyticsBatchTests : AnalyticsBatchContract<SqliteBackend>
{
    protected override string ConstraintExceptionName => "SqliteException";

    [Fact]
    public async Task A_batch_waits_for_the_write_gate_the_bot_state_writes_hold()
    {
        var gate = await Database.EnterWriteAsync(CancellationToken.None);
        var write = Store.WriteAsync([Event(1), Event(2)], CancellationToken.None);

        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        Assert.Equal(0, await CountAsync("analytics_turns"));

        gate.Dispose();
        await write.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await CountAsync("analytics_turns"));
    }
}

public sealed class PostgresAnalyticsBatchTests : AnalyticsBatchContract<PostgresBackend>
{
    protected override string ConstraintExceptionName => "PostgresException";
}
