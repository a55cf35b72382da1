using System.Net;
using System.Net.Sockets;
using ClinicBot.Analytics;
using ClinicBot.Booking.Store;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Tests.Widget;
using ClinicBot.Testing.Hosting;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// Every staff page in real Chromium with data present, as a receptionist meets them: sign-in, authenticator code,
/// recovery code, two-factor enrolment (key, recovery codes, settings), the list, a booking and the dashboard. Each
/// has no axe violation at desktop width and at 390 px, and no sideways scroll at 390 px. Screenshots of the list on
/// a phone and of the dashboard are saved under TestResults/screenshots/.
/// </summary>
[Trait("Category", "Browser")]
public sealed class StaffPagesLookTests(ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [SkippableFact]
    public async Task Every_staff_page_passes_axe_and_fits_a_phone_with_data_present()
    {
        var port = FreePort();
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:KeepUnansweredQuestions"] = "true" });
        using var certificate = SelfSignedCertificate.ForLocalhost();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        app.StartServer();
        var reference = await SeedAsync(app);
        await app.CreateStaffAsync("reception@clinic.test");
        await app.CreateStaffAsync("newcomer@clinic.test", twoFactor: false);

        await using var browser = await ChatBrowser.LaunchAsync(new Uri($"https://localhost:{port}"), ignoreHttpsErrors: true);
        var page = browser.Page;

        // An enrolled account: sign-in, code and recovery-code pages, then the pages behind them.
        await page.GotoAsync("/staff/account/sign-in");
        await CheckPageAsync(page, "sign-in");
        await page.Locator("[name=email]").FillAsync("reception@clinic.test");
        await page.Locator("[name=password]").FillAsync(StaffAppFactory.Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.Locator("[name=code]").WaitForAsync();
        await CheckPageAsync(page, "sign-in code");
        var codeUrl = page.Url;
        await page.GetByText("Use a recovery code").ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = "Recovery code" }).WaitForAsync();
        await CheckPageAsync(page, "sign-in recovery code");
        await page.GotoAsync(codeUrl);
        await page.Locator("[name=code]").FillAsync(app.NextCode("reception@clinic.test"));
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.Locator("table.bookings").WaitForAsync();

        await CheckPageAsync(page, "booking list", "staff-list");
        Assert.Contains("(713) 555-0120 ext. 4", await page.Locator("table.bookings").InnerTextAsync());

        await page.GotoAsync($"/staff/bookings/{reference}");
        await page.Locator("dl.detail").WaitForAsync();
        await CheckPageAsync(page, "booking detail", "staff-booking");
        Assert.Equal("Website chat", (await page.Locator("dd.channel").InnerTextAsync()).Trim());

        await page.GotoAsync("/staff/dashboard");
        await page.Locator("table.daychart").WaitForAsync();
        await CheckPageAsync(page, "dashboard", "staff-dashboard");

        await page.GotoAsync("/staff/security/two-factor");
        await CheckPageAsync(page, "two-factor settings");

        await page.Locator("header.top button.link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/account/sign-in", StringComparison.Ordinal));

        // An account without two-factor yet: the enrolment page before and after a key, then the recovery codes.
        await page.Locator("[name=email]").FillAsync("newcomer@clinic.test");
        await page.Locator("[name=password]").FillAsync(StaffAppFactory.Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/security/two-factor", StringComparison.Ordinal));
        await CheckPageAsync(page, "two-factor enrolment");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create a key" }).ClickAsync();
        await page.Locator("code.key").WaitForAsync();
        await CheckPageAsync(page, "two-factor enrolment with key", "staff-enrolment");
        app.RememberKey("newcomer@clinic.test", await page.Locator("code.key").InnerTextAsync());
        await page.Locator("form.stacked [name=code]").FillAsync(app.NextCode("newcomer@clinic.test"));
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.Locator("ul.codes").WaitForAsync();
        await CheckPageAsync(page, "two-factor recovery codes");
    }

    /// <summary>axe at desktop width and at 390 px (the list turns into cards there), and no sideways scroll on a phone.</summary>
    private async Task CheckPageAsync(IPage page, string name, string? screenshot = null)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await AssertNoAxeViolationsAsync(page, name + " (1280 px)");
        if (screenshot == "staff-dashboard")
        {
            SaveScreenshotPath(name + " (1280 px)", await ScreenshotAsync(page, screenshot + "-1280.png"));
        }

        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await AssertNoAxeViolationsAsync(page, name + " (390 px)");
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        output.WriteLine($"{name} at {PhoneWidth} px: scrollWidth {widths[0]}, innerWidth {widths[1]}");
        Assert.True(widths[0] <= widths[1], $"{name} scrolls sideways at {PhoneWidth} px: scrollWidth {widths[0]} > innerWidth {widths[1]}");
        if (screenshot is not null)
        {
            SaveScreenshotPath(name + " (390 px)", await ScreenshotAsync(page, screenshot + "-390.png"));
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task AssertNoAxeViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"axe {name}: {violation.Impact} {violation.Id} — {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        output.WriteLine($"axe {name}: {result.Passes.Length} rules passed, {result.Violations.Length} violated");
        Assert.True(result.Violations.Length == 0, $"axe violations on {name}: " + string.Join("; ",
            result.Violations.Select(v => $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    private static async Task<string> ScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private void SaveScreenshotPath(string name, string path)
    {
        output.WriteLine($"Screenshot {name}: {path}");
        Console.WriteLine($"Staff screenshot {name}: {path}");
    }

    /// <summary>Bookings a receptionist would see (an extension, a booking for someone else, a long name), and a month of chat counts.</summary>
    private static async Task<string> SeedAsync(StaffAppFactory app)
    {
        var now = DateTimeOffset.UtcNow;
        var first = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("María José Hernández", now.AddHours(-2), "+17135550120;ext=4", "maria.jose@example.test") with { Channel = "directline" });
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Rosa Díaz", now.AddDays(-1)) with { CallFor = "mom", BookedBy = "Ana Díaz", Channel = "msteams" });
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Bartholomew Maximilian Fitzgerald-Worthington III", now.AddDays(-3), "+442079460958", "a.very.long.email.address.for.testing@example-clinic-partner.test"));
        var analytics = app.Services.GetRequiredService<IConversationAnalytics>();
        for (var day = 0; day < 30; day += 2)
        {
            for (var conversation = 0; conversation < day % 7 + 1; conversation++)
            {
                await analytics.RecordTurnAsync(new TurnAnalytics(now.AddDays(-day), "directline", $"c{day}-{conversation}", [day % 3 == 0 ? "book_call" : "hours", "out_of_scope"], day == 4, null), default);
            }
        }

        await analytics.RecordTurnAsync(new TurnAnalytics(now, "directline", "c-question", [], false, "Do you take Aetna insurance for the infusions?"), default);
        await WaitForAnalyticsAsync(app);
        return first;
    }

    private static async Task WaitForAnalyticsAsync(StaffAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)StaffTestData.Query(app.DatabasePath, "SELECT COUNT(*) AS n FROM analytics_turns WHERE unanswered_question IS NOT NULL").Single()["n"]! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "analytics turns not written");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
