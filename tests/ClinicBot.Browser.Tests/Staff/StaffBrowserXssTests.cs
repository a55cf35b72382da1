using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ClinicBot.Analytics;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Tests.Widget;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// Real Chromium (Playwright, as the widget tests) against the real app on a Kestrel port: hostile names, emails and
/// questions must render as inert text in the list, the detail page and the dashboard. Any JavaScript dialog fails
/// the test.
/// </summary>
public sealed partial class StaffBrowserXssTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "javascript:alert(3)",
        "<svg onload=alert(4)><circle r=5 /></svg>",
        "\"><svg/onload=alert(5)>",
        "<a href=\"javascript:alert(6)\">click</a>",
    ];

    [SkippableFact]
    public async Task Xss_payloads_render_inert_in_list_detail_and_dashboard()
    {
        var port = FreePort();
        // Unanswered questions are kept only when opted in; the payload must reach the dashboard to be tested there.
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:KeepUnansweredQuestions"] = "true" });
        using var certificate = SelfSignedCertificate.ForLocalhost();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        app.StartServer();

        var references = new List<string>();
        foreach (var payload in Payloads)
        {
            references.Add(await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking(payload, DateTimeOffset.UtcNow, email: "javascript:alert(7)//@x.test")));
        }

        var analytics = app.Services.GetRequiredService<IConversationAnalytics>();
        await analytics.RecordTurnAsync(new TurnAnalytics(DateTimeOffset.UtcNow, "webchat", "c-xss", ["<img src=x onerror=alert(8)>"], false, "<img src=x onerror=alert(9)> what about <script>alert(10)</script>"), default);
        await app.CreateStaffAsync("browser@clinic.test");

        await using var browser = await ChatBrowser.LaunchAsync(new Uri($"https://localhost:{port}"), ignoreHttpsErrors: true);
        var page = browser.Page;
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync("/staff");
        await page.WaitForURLAsync(SignInPage());
        await page.Locator("[name=email]").FillAsync("browser@clinic.test");
        await page.Locator("[name=password]").FillAsync(StaffAppFactory.Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.Locator("[name=code]").FillAsync(app.NextCode("browser@clinic.test"));
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await page.Locator("table.bookings").WaitForAsync();

        AssertNoDialog(dialogs);
        await AssertNoInjectedMarkupAsync(page);
        var shownNames = (await page.Locator("table.bookings td.name").AllInnerTextsAsync()).Select(text => text.Trim()).ToList();
        foreach (var payload in Payloads)
        {
            Assert.Contains(payload.Trim(), shownNames);
        }

        foreach (var reference in references)
        {
            await page.GotoAsync($"/staff/bookings/{reference}");
            await page.Locator("dl.detail").WaitForAsync();
            AssertNoDialog(dialogs);
            await AssertNoInjectedMarkupAsync(page);
            Assert.Contains((await page.Locator("dd.name").InnerTextAsync()).Trim(), Payloads.Select(p => p.Trim()));
            Assert.Equal("javascript:alert(7)//@x.test", (await page.Locator("dd.email").InnerTextAsync()).Trim());
        }

        // A real form post from the page (antiforgery token, CSP form-action 'self') changes the status.
        await page.Locator("button[value=called]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('dl.detail dd')?.innerText.trim() === 'called'");
        AssertNoDialog(dialogs);

        await WaitForAnalyticsAsync(app);
        await page.GotoAsync("/staff/dashboard");
        await page.Locator("table.daychart").WaitForAsync();
        AssertNoDialog(dialogs);
        await AssertNoInjectedMarkupAsync(page);
        Assert.Contains("<script>alert(10)</script>", await page.Locator("ul.unanswered").InnerTextAsync());
    }

    private static void AssertNoDialog(ConcurrentQueue<string> dialogs) =>
        Assert.True(dialogs.IsEmpty, $"a JavaScript dialog opened: {string.Join(", ", dialogs)}");

    private static async Task AssertNoInjectedMarkupAsync(IPage page)
    {
        var injected = await page.EvaluateAsync<string>("""
            () => {
              const bad = [];
              document.querySelectorAll('script').forEach(s => bad.push('script'));
              document.querySelectorAll('img').forEach(i => bad.push('img ' + i.getAttribute('src')));
              document.querySelectorAll('main svg:not(.bar), main svg.bar svg, circle').forEach(s => bad.push('svg'));
              document.querySelectorAll('*').forEach(e => {
                for (const a of e.attributes) {
                  if (a.name.startsWith('on')) bad.push(e.tagName + ' ' + a.name);
                  if ((a.name === 'href' || a.name === 'src') && a.value.trim().toLowerCase().startsWith('javascript:')) bad.push(e.tagName + ' ' + a.name);
                }
              });
              return bad.join(', ');
            }
            """);
        Assert.True(string.IsNullOrEmpty(injected), $"injected markup in {page.Url}: {injected}");
    }

    private static async Task WaitForAnalyticsAsync(StaffAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)StaffTestData.Query(app.DatabasePath, "SELECT COUNT(*) AS n FROM analytics_turns").Single()["n"]! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "analytics turn not written");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("/staff/account/sign-in")]
    private static partial Regex SignInPage();
}
