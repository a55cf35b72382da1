using System.Net;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// A canary name, phone and email go through every path that handles a booking — the bot endpoint, the
/// (decorated) booking store, the staff list, detail, status change, CSV export, a failed sign-in — with every
/// log line at every level captured; none of them may appear in the logs.
/// </summary>
public sealed class LogCanaryTests
{
    [Fact]
    public async Task Canary_personal_data_never_appears_in_captured_logs()
    {
        using var app = new StaffAppFactory();
        var http = app.CreateStaffClient();

        // A full booking through the real bot on /api/messages (booking dialog, recognizers, decorated store).
        var turns = new[] { "i want to book the free call", StaffTestData.CanaryName, "(832) 555-0199", StaffTestData.CanaryEmail, "tuesday morning", "yes" };
        var replies = new List<string>();
        foreach (var text in turns)
        {
            var turn = await ActivityJson.PostAsync(http, ActivityJson.Message(text, "conv-canary", expectReplies: true, channelId: "webchat"));
            Assert.True(turn.IsSuccessStatusCode, $"turn '{text}': {(int)turn.StatusCode}");
            replies.AddRange((await ActivityJson.RepliesAsync(turn)).Select(reply => (string?)reply!["text"] ?? string.Empty));
        }

        var reference = Assert.Single(StaffTestData.Query(app.DatabasePath, "SELECT reference FROM bookings"))["reference"] as string;
        Assert.NotNull(reference);
        Assert.Contains(replies, reply => reply.Contains(reference, StringComparison.Ordinal));

        // A failed sign-in that uses the canary as the user name.
        await StaffForms.SignInAsync(http, StaffTestData.CanaryEmail, "not the password");

        var client = await app.SignedInClientAsync("canary-staff@clinic.test");
        Assert.Contains(StaffTestData.CanaryName, await client.GetStringAsync("/staff"));
        var detail = await client.GetStringAsync($"/staff/bookings/{reference}");
        Assert.Contains(StaffTestData.CanaryName, detail);
        Assert.Contains(StaffTestData.CanaryEmail, detail);
        var storedBooking = string.Join("|", StaffTestData.Query(app.DatabasePath, "SELECT * FROM bookings").Single().Values);
        Assert.DoesNotContain("Quixwright", storedBooking);
        Assert.DoesNotContain("5550199", storedBooking);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffForms.PostAsync(client, $"/staff/bookings/{reference}", $"/staff/bookings/{reference}?handler=Status", ("status", "called"))).StatusCode);
        var csv = await StaffForms.PostAsync(client, "/staff", "/staff?handler=Export");
        Assert.Contains(StaffTestData.CanaryName, await csv.Content.ReadAsStringAsync());

        var logs = app.Logs.AllText;
        Assert.True(app.Logs.Entries.Count > 20, $"only {app.Logs.Entries.Count} log entries captured: is the provider attached?");
        Assert.Contains("Microsoft.AspNetCore", logs);
        var leaks = app.Logs.Entries
            .Where(entry => new[] { "Zebulon", "Quixwright", "5550199", "555-0199", "canary.test" }.Any(canary => entry.Contains(canary, StringComparison.OrdinalIgnoreCase)))
            .Select(entry => entry[..Math.Min(entry.Length, 160)])
            .ToList();
        Assert.True(leaks.Count == 0, "personal data in logs:\n" + string.Join("\n", leaks));
    }
}
