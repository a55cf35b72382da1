using System.Net;
using System.Text;
using ClinicBot.Analytics;
using ClinicBot.Staff.Commands;
using ClinicBot.Staff.Retention;
using ClinicBot.Tests.Infrastructure.Postgres;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Storage;

/// <summary>The staff side (Identity accounts, bookings list, status, audit, CSV, dashboard, retention) on PostgreSQL.</summary>
public sealed class PostgresStaffTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task Staff_sign_in_list_status_export_dashboard_and_retention_work_on_postgres()
    {
        using var app = new StaffAppFactory(PostgresAppSettings.For(_database.ConnectionString));
        var now = DateTimeOffset.UtcNow;
        var recent = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Recent Person", now.AddDays(-1)));
        var old = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Old Person", now.AddDays(-200)));
        await app.Services.GetRequiredService<IConversationAnalytics>().RecordTurnAsync(new TurnAnalytics(now, "webchat", "conv-a", ["hours"], false, null), default);

        var client = await app.SignedInClientAsync("pg-nurse@clinic.test");
        Assert.Single(_database.Query("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = 'PG-NURSE@CLINIC.TEST'"));

        var list = await client.GetStringAsync("/staff");
        Assert.Contains("Recent Person", list);
        Assert.Contains("Old Person", list);

        var marked = await StaffForms.PostAsync(client, $"/staff/bookings/{recent}", $"/staff/bookings/{recent}?handler=Status", ("status", "called"));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("called", Assert.Single(_database.Query($"SELECT status FROM booking_status WHERE reference = '{recent}'"))["status"]);

        var export = await StaffForms.PostAsync(client, "/staff", "/staff?handler=Export", ("from", ""), ("to", ""), ("status", ""));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("Recent Person", csv);
        Assert.Contains("Old Person", csv);

        await WaitUntilAsync(() => _database.Query("SELECT id FROM analytics_turns").Count == 1);
        var dashboard = await client.GetStringAsync("/staff/dashboard");
        Assert.Contains("id=\"total-conversations\">1<", dashboard);
        // Booking requests come from the bookings table: the recent one, not the one 200 days old.
        Assert.Contains("id=\"total-bookings\">1<", dashboard);

        var actions = _database.Query("SELECT action FROM staff_audit").Select(row => (string)row["action"]!).ToList();
        Assert.Contains("account.sign-in", actions);
        Assert.Contains("booking.status", actions);
        Assert.Contains("bookings.export", actions);
        Assert.Contains("dashboard.view", actions);

        var deleted = await app.Services.GetRequiredService<BookingRetentionPurger>().PurgeOlderThanAsync(now.AddDays(-90), CancellationToken.None);
        Assert.Equal(1, deleted);
        Assert.Equal([recent], _database.Query("SELECT reference FROM bookings").Select(row => (string)row["reference"]!));
        Assert.DoesNotContain(old, await client.GetStringAsync("/staff"));
    }

    [SkippableFact]
    public async Task The_staff_add_command_creates_the_account_in_postgres_and_it_signs_in_to_the_app()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaffCommandLine.RunAsync(
            ["staff", "add", "cli@clinic.test", "--password-stdin", "--Storage:Provider=Postgres", $"--Storage:PostgresConnectionString={_database.ConnectionString}"],
            new StringReader(StaffAppFactory.Password + "\n"), output, error, inputIsTerminal: false);

        Assert.True(code == 0, error.ToString());
        Assert.Single(_database.Query("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'cli@clinic.test'"));
        using var app = new StaffAppFactory(PostgresAppSettings.For(_database.ConnectionString));
        var signedIn = await StaffForms.SignInAsync(app.CreateStaffClient(), "cli@clinic.test", StaffAppFactory.Password);
        Assert.Equal("/staff/security/two-factor", signedIn.Headers.Location?.OriginalString);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 10 s");
            await Task.Delay(50);
        }
    }
}
