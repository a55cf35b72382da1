using System.Net;
using System.Text;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Retention;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;
using ClinicBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Storage.AtRest;

/// <summary>
/// The review's attack step: canary personal data typed into a real Direct Line booking and into a booking left
/// half-way, then the raw bytes of the SQLite file and its -wal and -shm hold none of it, while the visitor's
/// history still reads back after a page refresh; the purges then remove transcripts and abandoned state.
/// </summary>
public sealed class PersonalDataAtRestTests : IDisposable
{
    private const string FirstName = "Zebulon";
    private const string LastName = "Quixwright";
    private const string Phone = "(832) 555-0199";
    private const string Email = "zebulon.quixwright@canary.test";
    private const string DraftName = "Ottoline Vexbury";
    private const string DraftPhone = "713 555 0123";

    private readonly DirectLineAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_booking_and_an_abandoned_draft_leave_no_personal_data_in_the_database_files()
    {
        var booking = await StartAsync();
        foreach (var text in new[] { "i want to book the free call", $"{FirstName} {LastName}", Phone, Email, "tuesday morning", "yes" })
        {
            Assert.Equal(HttpStatusCode.OK, (await booking.PostMessageAsync(text)).StatusCode);
        }

        var draft = await StartAsync();
        foreach (var text in new[] { "i want to book the free call", DraftName, DraftPhone })
        {
            Assert.Equal(HttpStatusCode.OK, (await draft.PostMessageAsync(text)).StatusCode);
        }

        Assert.Single(SqliteRows.Query(_app.DatabasePath, "SELECT reference FROM bookings"));
        Assert.NotEmpty(SqliteRows.Query(_app.DatabasePath, "SELECT key FROM bot_state"));
        Assert.All(SqliteRows.Query(_app.DatabasePath, "SELECT json FROM bot_state"), row => Assert.StartsWith(AtRestProtector.Prefix, (string)row["json"]!));
        Assert.All(SqliteRows.Query(_app.DatabasePath, "SELECT activity_json FROM directline_activities"), row => Assert.StartsWith(AtRestProtector.Prefix, (string)row["activity_json"]!));

        // A page refresh reads the whole history again from watermark 0: decrypted, in order, with the bot's confirmation.
        var (history, _) = await booking.GetActivitiesAsync();
        var texts = history.Select(activity => DirectLineTestClient.Text(activity!)).ToList();
        Assert.Contains($"{FirstName} {LastName}", texts);
        Assert.Contains(Email, texts);
        Assert.Contains(DirectLineTestClient.FromBot(history), reply => (DirectLineTestClient.Text(reply) ?? string.Empty).Contains("KB-", StringComparison.Ordinal));

        AssertNoCanaryIn(StaffTestData.RawDatabaseText(_app.DatabasePath));
    }

    [Fact]
    public async Task Transcripts_go_an_hour_after_the_last_activity_and_abandoned_drafts_after_a_day()
    {
        var draft = await StartAsync();
        foreach (var text in new[] { "i want to book the free call", DraftName })
        {
            Assert.Equal(HttpStatusCode.OK, (await draft.PostMessageAsync(text)).StatusCode);
        }

        var transcripts = _app.Services.GetRequiredService<TranscriptPurgeService>();
        var state = _app.Services.GetRequiredService<StatePurgeService>();

        // The hosted purges run on the same fake clock and may get there first: assert on what is left, not on who deleted it.
        _app.Clock.Advance(TimeSpan.FromMinutes(59));
        await transcripts.PurgeNowAsync(CancellationToken.None);
        Assert.NotEqual(0, SqliteRows.Count(_app.DatabasePath, "directline_activities"));

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await transcripts.PurgeNowAsync(CancellationToken.None);
        Assert.Equal(0, SqliteRows.Count(_app.DatabasePath, "directline_activities"));
        Assert.Equal(0, SqliteRows.Count(_app.DatabasePath, "directline_conversations"));

        await state.PurgeNowAsync(CancellationToken.None);
        Assert.NotEqual(0, SqliteRows.Count(_app.DatabasePath, "bot_state"));
        _app.Clock.Advance(TimeSpan.FromHours(23));
        await state.PurgeNowAsync(CancellationToken.None);
        Assert.Equal(0, SqliteRows.Count(_app.DatabasePath, "bot_state"));
    }

    private async Task<DirectLineTestClient> StartAsync()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        return client;
    }

    private static void AssertNoCanaryIn(string raw)
    {
        foreach (var canary in new[] { FirstName, LastName, "Ottoline", "Vexbury", "5550199", "555-0199", "555 0199", "5550123", "555 0123", "canary.test", "zebulon.quixwright" })
        {
            Assert.False(raw.Contains(canary, StringComparison.OrdinalIgnoreCase), $"'{canary}' is in the database files in plain text");
            var utf16 = Encoding.Latin1.GetString(Encoding.Unicode.GetBytes(canary));
            Assert.False(raw.Contains(utf16, StringComparison.Ordinal), $"'{canary}' is in the database files as UTF-16");
        }
    }
}
