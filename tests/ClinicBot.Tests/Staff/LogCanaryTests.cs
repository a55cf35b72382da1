using System.Net;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Staff.Support;

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

        // The bot endpoint (the booking dialog is the booking helper's; here the text passes through the live bot).
        var turn = await ActivityJson.PostAsync(http, ActivityJson.Message(
            $"My name is {StaffTestData.CanaryName}, call {StaffTestData.CanaryPhone} or {StaffTestData.CanaryEmail}", "conv-canary", expectReplies: true));
        Assert.True(turn.IsSuccessStatusCode);

        var reference = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking(StaffTestData.CanaryName, DateTimeOffset.UtcNow, StaffTestData.CanaryPhone, StaffTestData.CanaryEmail));

        // A failed sign-in that uses the canary as the user name.
        await StaffForms.SignInAsync(http, StaffTestData.CanaryEmail, "not the password");

        var client = await app.SignedInClientAsync("canary-staff@clinic.test");
        Assert.Contains(StaffTestData.CanaryName, await client.GetStringAsync("/staff"));
        Assert.Contains(StaffTestData.CanaryName, await client.GetStringAsync($"/staff/bookings/{reference}"));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffForms.PostAsync(client, $"/staff/bookings/{reference}", $"/staff/bookings/{reference}?handler=Status", ("status", "called"))).StatusCode);
        var csv = await StaffForms.PostAsync(client, "/staff", "/staff?handler=Export");
        Assert.Contains(StaffTestData.CanaryName, await csv.Content.ReadAsStringAsync());

        var logs = app.Logs.AllText;
        Assert.True(app.Logs.Entries.Count > 20, $"only {app.Logs.Entries.Count} log entries captured: is the provider attached?");
        Assert.Contains("Microsoft.AspNetCore", logs);
        Assert.DoesNotContain("Zebulon", logs);
        Assert.DoesNotContain("Quixwright", logs);
        Assert.DoesNotContain("5550199", logs);
        Assert.DoesNotContain("canary.test", logs);
    }
}
