using ClinicBot.Booking.Store;
using ClinicBot.Notifications;
using ClinicBot.Tests.Staff.Support;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>Staff are emailed about a new booking with its reference and a link, and nothing about the patient.</summary>
public sealed class BookingNotificationTests
{
    [Fact]
    public async Task New_booking_sends_one_email_with_reference_and_link_only()
    {
        await using var smtp = new FakeSmtpServer();
        using var app = new StaffAppFactory(new Dictionary<string, string?>
        {
            ["Staff:Notify:SmtpHost"] = "127.0.0.1",
            ["Staff:Notify:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Staff:Notify:UseSsl"] = "false",
            ["Staff:Notify:From"] = "bot@clinic.test",
            ["Staff:Notify:To"] = "desk@clinic.test",
            ["Staff:Notify:BaseUrl"] = "https://bot.clinic.test/",
        });
        var store = app.Services.GetRequiredService<IBookingStore>();
        var request = StaffTestData.Booking(StaffTestData.CanaryName, DateTimeOffset.UtcNow, StaffTestData.CanaryPhone, StaffTestData.CanaryEmail);

        var saved = await store.SaveAsync(request, CancellationToken.None);
        var retried = await store.SaveAsync(request, CancellationToken.None);

        Assert.False(retried.Created);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (smtp.Messages.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "no email within 10 s");
            await Task.Delay(50);
        }

        await Task.Delay(500);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains($"Subject: New booking request {saved.Reference}", message);
        Assert.Contains("https://bot.clinic.test/staff", message);
        Assert.Contains("desk@clinic.test", message);
        Assert.DoesNotContain("Zebulon", message);
        Assert.DoesNotContain("Quixwright", message);
        Assert.DoesNotContain("5550199", message);
        Assert.DoesNotContain("canary.test", message);
    }

    [Fact]
    public async Task Without_smtp_host_no_notifier_runs_and_a_failing_server_does_not_fail_the_booking()
    {
        using var quiet = new StaffAppFactory();
        Assert.IsType<NoBookingNotifier>(quiet.Services.GetRequiredService<IBookingNotifier>());

        using var broken = new StaffAppFactory(new Dictionary<string, string?>
        {
            ["Staff:Notify:SmtpHost"] = "127.0.0.1",
            ["Staff:Notify:SmtpPort"] = "9",
            ["Staff:Notify:UseSsl"] = "false",
            ["Staff:Notify:To"] = "desk@clinic.test",
        });
        var saved = await broken.Services.GetRequiredService<IBookingStore>().SaveAsync(
            StaffTestData.Booking(StaffTestData.CanaryName, DateTimeOffset.UtcNow, StaffTestData.CanaryPhone), CancellationToken.None);

        Assert.True(saved.Created);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!broken.Logs.Entries.Any(entry => entry.Contains("Staff notification failed", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "failure not logged within 10 s");
            await Task.Delay(50);
        }

        Assert.DoesNotContain("Quixwright", broken.Logs.AllText);
    }
}
