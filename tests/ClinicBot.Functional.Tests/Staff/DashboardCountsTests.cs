using ClinicBot.Analytics;
using ClinicBot.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Staff;

/// <summary>The dashboard counts bookings as bookings, not the booking topic's many dialog turns.</summary>
public sealed class DashboardCountsTests
{
    [Fact]
    public async Task Three_bookings_made_over_twenty_seven_booking_turns_show_as_three_bookings()
    {
        using var app = new StaffAppFactory();
        var analytics = app.Services.GetRequiredService<IConversationAnalytics>();
        var now = DateTimeOffset.UtcNow;
        for (var conversation = 0; conversation < 3; conversation++)
        {
            // A booking dialog stamps every one of its turns with book_call.
            for (var turn = 0; turn < 9; turn++)
            {
                await analytics.RecordTurnAsync(new TurnAnalytics(now, "directline", $"booking-{conversation}", ["book_call"], false, null), default);
            }

            await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking($"Person {conversation}", now.AddMinutes(-conversation)));
        }

        // One conversation asked about booking and did not book.
        await analytics.RecordTurnAsync(new TurnAnalytics(now, "directline", "just-asking", ["book_call"], false, null), default);
        await WaitUntilAsync(() => Count(app, "analytics_turns") == 28);

        var client = await app.SignedInClientAsync("counts@clinic.test");
        var html = await client.GetStringAsync("/staff/dashboard");

        Assert.Contains("id=\"total-bookings\">3<", html);
        Assert.Contains("id=\"total-conversations\">4<", html);
        Assert.Contains("<td>Booking a call</td><td>4</td>", html);
        Assert.DoesNotContain(">27<", html);
        Assert.DoesNotContain(">28<", html);
        Assert.DoesNotContain("book_call", html);
    }

    [Fact]
    public async Task Bookings_older_than_the_dashboard_window_are_not_counted()
    {
        using var app = new StaffAppFactory();
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Old Person", DateTimeOffset.UtcNow.AddDays(-45)));
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Recent Person", DateTimeOffset.UtcNow.AddDays(-2)));

        var client = await app.SignedInClientAsync("window@clinic.test");
        var html = await client.GetStringAsync("/staff/dashboard");

        Assert.Contains("id=\"total-bookings\">1<", html);
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
}
