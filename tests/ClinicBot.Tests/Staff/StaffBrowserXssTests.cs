using System.Net;
using System.Net.Sockets;
using ClinicBot.Analytics;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Staff.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// Real Chromium against the real app on a Kestrel port: hostile names, emails and questions must render as
/// inert text in the list, the detail page and the dashboard. Any JavaScript dialog fails the test.
/// </summary>
public sealed class StaffBrowserXssTests
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
        var chromium = RequiredTools.Chromium();
        var chromeDriver = RequiredTools.ChromeDriver();
        var port = FreePort();
        using var app = new StaffAppFactory();
        using var certificate = SelfSignedCertificate.ForLocalhost();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        app.StartServer();
        var baseUrl = $"https://localhost:{port}";

        var references = new List<string>();
        foreach (var payload in Payloads)
        {
            references.Add(await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking(payload, DateTimeOffset.UtcNow, email: "javascript:alert(7)//@x.test")));
        }

        var analytics = app.Services.GetRequiredService<IConversationAnalytics>();
        await analytics.RecordTurnAsync(new TurnAnalytics(DateTimeOffset.UtcNow, "webchat", "c-xss", ["<img src=x onerror=alert(8)>"], false, "<img src=x onerror=alert(9)> what about <script>alert(10)</script>"), default);
        await app.CreateStaffAsync("browser@clinic.test");

        using var driver = StartChromium(chromium, chromeDriver);
        try
        {
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));
            driver.Navigate().GoToUrl($"{baseUrl}/staff");
            wait.Until(d => d.Url.Contains("/staff/account/sign-in", StringComparison.Ordinal));
            driver.FindElement(By.Name("email")).SendKeys("browser@clinic.test");
            driver.FindElement(By.Name("password")).SendKeys(StaffAppFactory.Password);
            driver.FindElement(By.CssSelector("form.stacked button[type=submit]")).Click();
            wait.Until(d => d.FindElements(By.CssSelector("table.bookings")).Count > 0);

            AssertNoDialog(driver);
            AssertNoInjectedMarkup(driver);
            var shownNames = driver.FindElements(By.CssSelector("table.bookings td.name")).Select(cell => cell.Text).ToList();
            foreach (var payload in Payloads)
            {
                Assert.Contains(payload.Trim(), shownNames);
            }

            foreach (var reference in references)
            {
                driver.Navigate().GoToUrl($"{baseUrl}/staff/bookings/{reference}");
                wait.Until(d => d.FindElements(By.CssSelector("dl.detail")).Count > 0);
                AssertNoDialog(driver);
                AssertNoInjectedMarkup(driver);
                Assert.Contains(driver.FindElement(By.CssSelector("dd.name")).Text, Payloads.Select(p => p.Trim()));
                Assert.Equal("javascript:alert(7)//@x.test", driver.FindElement(By.CssSelector("dd.email")).Text);
            }

            // A real form post from the page (antiforgery token, CSP form-action 'self') changes the status.
            driver.FindElement(By.CssSelector("button[value=called]")).Click();
            wait.Until(d => d.FindElement(By.CssSelector("dl.detail dd")).Text == "called");
            AssertNoDialog(driver);

            await WaitForAnalyticsAsync(app);
            driver.Navigate().GoToUrl($"{baseUrl}/staff/dashboard");
            wait.Until(d => d.FindElements(By.CssSelector("svg.chart")).Count > 0);
            AssertNoDialog(driver);
            AssertNoInjectedMarkup(driver);
            Assert.Contains("<script>alert(10)</script>", driver.FindElement(By.CssSelector("ul.unanswered")).Text);
        }
        finally
        {
            driver.Quit();
        }
    }

    private static void AssertNoDialog(IWebDriver driver)
    {
        try
        {
            var alert = driver.SwitchTo().Alert();
            var text = alert.Text;
            alert.Dismiss();
            Assert.Fail($"a JavaScript dialog opened: {text}");
        }
        catch (NoAlertPresentException)
        {
        }
    }

    private static void AssertNoInjectedMarkup(IWebDriver driver)
    {
        var js = (IJavaScriptExecutor)driver;
        var injected = js.ExecuteScript("""
            const bad = [];
            document.querySelectorAll('script').forEach(s => bad.push('script'));
            document.querySelectorAll('img').forEach(i => bad.push('img ' + i.getAttribute('src')));
            document.querySelectorAll('main svg:not(.chart), main svg.chart svg, circle').forEach(s => bad.push('svg'));
            document.querySelectorAll('*').forEach(e => {
              for (const a of e.attributes) {
                if (a.name.startsWith('on')) bad.push(e.tagName + ' ' + a.name);
                if ((a.name === 'href' || a.name === 'src') && a.value.trim().toLowerCase().startsWith('javascript:')) bad.push(e.tagName + ' ' + a.name);
              }
            });
            return bad.join(', ');
            """) as string;
        Assert.True(string.IsNullOrEmpty(injected), $"injected markup in {driver.Url}: {injected}");
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

    private static ChromeDriver StartChromium(string chromium, string chromeDriver)
    {
        var options = new ChromeOptions { BinaryLocation = chromium, UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors",
            $"--user-data-dir={Path.Combine(Path.GetTempPath(), "clinicbot-chromium-" + Guid.NewGuid().ToString("N"))}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromeDriver)!, Path.GetFileName(chromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
