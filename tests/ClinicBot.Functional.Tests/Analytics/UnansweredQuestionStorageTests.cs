using System.Net;
using ClinicBot.Analytics;
using ClinicBot.Storage.Protection;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;
using ClinicBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClinicBot.Tests.Analytics;

/// <summary>
/// Analytics keep no text a visitor typed unless Staff:KeepUnansweredQuestions is on; then the question is
/// redacted, encrypted in analytics_turns, shown decrypted on the dashboard, and erased after 14 days.
/// </summary>
public sealed class UnansweredQuestionStorageTests
{
    private const string Question = "My name is Harriet Pemberton and I take lithium, do you sell gift cards for the holidays?";

    [Fact]
    public async Task By_default_no_free_text_is_stored()
    {
        using var app = new DirectLineAppFactory();
        await AskAsync(app);

        var turns = SqliteRows.Query(app.DatabasePath, "SELECT unanswered_question FROM analytics_turns");
        Assert.NotEmpty(turns);
        Assert.All(turns, row => Assert.Null(row["unanswered_question"]));
        Assert.DoesNotContain("Pemberton", StaffTestData.RawDatabaseText(app.DatabasePath), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gift cards", StaffTestData.RawDatabaseText(app.DatabasePath), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Opted_in_questions_are_redacted_encrypted_and_erased_after_fourteen_days()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?> { ["Staff:KeepUnansweredQuestions"] = "true" });
        await AskAsync(app);

        var stored = SqliteRows.Query(app.DatabasePath, "SELECT unanswered_question FROM analytics_turns WHERE unanswered_question IS NOT NULL")
            .Select(row => (string)row["unanswered_question"]!).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith(AtRestProtector.Prefix, value));
        var raw = StaffTestData.RawDatabaseText(app.DatabasePath);
        Assert.DoesNotContain("gift cards", raw, StringComparison.OrdinalIgnoreCase);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var summary = await app.Services.GetRequiredService<IAnalyticsStore>().SummarizeAsync(today.AddDays(-2), today.AddDays(2), CancellationToken.None);
        var shown = Assert.Single(summary.Unanswered).MaskedText;
        Assert.Contains("gift cards", shown);
        Assert.DoesNotContain("Harriet", shown);
        Assert.DoesNotContain("Pemberton", shown);
        Assert.DoesNotContain("lithium", shown);

        // The hosted purge runs on the same fake clock and may get there first: assert on what is left.
        var purge = app.Services.GetRequiredService<UnansweredQuestionPurgeService>();
        app.Clock.Advance(TimeSpan.FromDays(13));
        await purge.PurgeNowAsync(CancellationToken.None);
        Assert.NotEmpty(SqliteRows.Query(app.DatabasePath, "SELECT id FROM analytics_turns WHERE unanswered_question IS NOT NULL"));
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await purge.PurgeNowAsync(CancellationToken.None);
        Assert.Empty(SqliteRows.Query(app.DatabasePath, "SELECT id FROM analytics_turns WHERE unanswered_question IS NOT NULL"));
        Assert.NotEmpty(SqliteRows.Query(app.DatabasePath, "SELECT id FROM analytics_turns"));
    }

    private static async Task AskAsync(DirectLineAppFactory app)
    {
        var client = new DirectLineTestClient(app.CreateClient());
        await client.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(Question)).StatusCode);
        await DrainAnalyticsAsync(app);
    }

    // The writer stores events in the background; stopping the host drains its queue (AnalyticsWriterService), so
    // the rows are there without waiting on a timer.
    private static async Task DrainAnalyticsAsync(DirectLineAppFactory app)
    {
        var writer = app.Services.GetServices<IHostedService>().OfType<AnalyticsWriterService>().Single();
        await writer.StopAsync(CancellationToken.None);
    }
}
