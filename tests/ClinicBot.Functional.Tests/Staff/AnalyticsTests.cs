using ClinicBot.Analytics;
using ClinicBot.Tests.Staff.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>Analytics recorded by the bot reach the dashboard without personal data, and never hold up a turn.</summary>
public sealed class AnalyticsTests
{
    [Fact]
    public async Task Recorded_turns_and_bookings_show_on_the_dashboard_masked_and_counted()
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:KeepUnansweredQuestions"] = "true" });
        var analytics = app.Services.GetRequiredService<IConversationAnalytics>();
        var now = DateTimeOffset.UtcNow;
        await analytics.RecordTurnAsync(new TurnAnalytics(now, "webchat", "conv-secret-1", ["hours"], false, null), default);
        await analytics.RecordTurnAsync(new TurnAnalytics(now, "webchat", "conv-secret-1", ["hours", "location"], false, null), default);
        await analytics.RecordTurnAsync(new TurnAnalytics(now, "msteams", "conv-secret-2", [], true, null), default);
        await analytics.RecordTurnAsync(new TurnAnalytics(now, "webchat", "conv-secret-3", [], false, "Do you take Aetna? call 832 555 0199 or mail a.person@mail.test"), default);
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking(StaffTestData.CanaryName, now));

        await WaitUntilAsync(() => Count(app, "analytics_turns") == 4 && Count(app, "analytics_bookings") == 1);

        var stored = string.Join("|", StaffTestData.Query(app.DatabasePath, "SELECT * FROM analytics_turns").SelectMany(row => row.Values));
        Assert.DoesNotContain("conv-secret", stored);
        Assert.DoesNotContain("0199", stored);
        Assert.DoesNotContain("a.person", stored);
        Assert.DoesNotContain("Aetna", stored);

        var client = await app.SignedInClientAsync("dash@clinic.test");
        var html = await client.GetStringAsync("/staff/dashboard");
        Assert.Contains("<table class=\"daychart\"", html);
        Assert.Contains("id=\"total-conversations\">3<", html);
        Assert.Contains("id=\"total-bookings\">1<", html);
        // Two turns of one conversation about hours count once: topics count conversations.
        Assert.Contains("<td>Opening hours</td><td>1</td>", html);
        Assert.Contains("<td>Location</td><td>1</td>", html);
        Assert.Contains("id=\"crisis-replies\">1<", html);
        Assert.Contains("Do you take Aetna? call [phone] or mail [email]", html);
        Assert.DoesNotContain("0199", html);
        Assert.DoesNotContain(StaffTestData.CanaryName, html);
        Assert.Single(StaffTestData.Query(app.DatabasePath, "SELECT * FROM staff_audit WHERE action = 'dashboard.view'"));
    }

    [Fact]
    public async Task Recording_returns_at_once_when_the_store_is_stuck_and_never_throws()
    {
        var stuck = new StuckStore();
        var queue = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance);
        using var writer = new AnalyticsWriterService(queue, stuck, NullLogger<AnalyticsWriterService>.Instance);
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < QueuedConversationAnalytics.Capacity * 3; i++)
        {
            var turn = new TurnAnalytics(DateTimeOffset.UtcNow, "webchat", $"c{i}", ["hours"], false, "what about 832-555-0100?");
            Assert.True((queue.RecordTurnAsync(turn, default)).IsCompletedSuccessfully);
        }

        var hostile = new TurnAnalytics(DateTimeOffset.UtcNow, null!, null!, null!, false, new string('9', 100_000));
        Assert.True(queue.RecordTurnAsync(hostile, default).IsCompletedSuccessfully);
        Assert.True(queue.RecordBookingAsync(new BookingAnalytics(DateTimeOffset.UtcNow, null!), default).IsCompletedSuccessfully);

        Assert.True(stuck.Entered.Wait(TimeSpan.FromSeconds(5)), "the writer picked up an event");
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_store_is_logged_by_type_and_the_writer_keeps_going()
    {
        var failing = new FailingThenCountingStore();
        var queue = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance);
        var logs = new CapturingLoggerProvider();
        using var writer = new AnalyticsWriterService(queue, failing, new Microsoft.Extensions.Logging.Logger<AnalyticsWriterService>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        await writer.StartAsync(CancellationToken.None);

        await queue.RecordTurnAsync(new TurnAnalytics(DateTimeOffset.UtcNow, "webchat", "c1", [], false, "secret text 1"), default);
        await queue.RecordTurnAsync(new TurnAnalytics(DateTimeOffset.UtcNow, "webchat", "c2", [], false, "secret text 2"), default);

        await WaitUntilAsync(() => failing.Written == 1);
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(1, failing.Written);
        Assert.Contains(logs.Entries, entry => entry.Contains("InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain("secret text", logs.AllText);
        Assert.DoesNotContain("boom with data", logs.AllText);
    }

    private static long Count(StaffAppFactory app, string table) =>
        (long)StaffTestData.Query(app.DatabasePath, $"SELECT COUNT(*) AS n FROM {table}").Single()["n"]!;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(50);
        }
    }

    private sealed class StuckStore : IAnalyticsStore
    {
        public ManualResetEventSlim Entered { get; } = new();

        public async Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
        {
            Entered.Set();
            await Task.Delay(Timeout.Infinite, ct);
        }

        public Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct) => throw new NotSupportedException();
    }

    /// <summary>Like a database transaction: a batch holding the first event ever written fails as a whole.</summary>
    private sealed class FailingThenCountingStore : IAnalyticsStore
    {
        private AnalyticsEvent? _bad;

        public int Written { get; private set; }

        public Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
        {
            _bad ??= events[0];
            if (events.Contains(_bad))
            {
                throw new InvalidOperationException("boom with data");
            }

            Written += events.Count;
            return Task.CompletedTask;
        }

        public Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct) => throw new NotSupportedException();
    }
}
