using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// The chat's look and accessibility in a real browser against the real app: axe with no violation on the
/// clinic page, the demo page at phone width and the open widget showing the booking card; the card in the
/// clinic's palette; focus into the message box on open and back to the launcher on Escape; no console error
/// through a booking. Screenshots go to TestResults/artifacts (paths printed).
/// </summary>
[Trait("Category", "Browser")]
public sealed class WidgetLookTests(KestrelClinicBotApp app, ITestOutputHelper output) : IClassFixture<KestrelClinicBotApp>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;
    private const string Launcher = "[data-clinicbot-widget] .cb-launcher";
    private const string WidgetFrame = "[data-clinicbot-widget] iframe.cb-frame";

    [SkippableFact]
    public async Task The_clinic_page_passes_axe_and_takes_a_booking_without_a_browser_error()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress, 1280, 1000);
        var page = browser.Page;
        var problems = BrowserProblems.Watch(page);
        await page.GotoAsync("/");
        await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, 0);

        await AxeReport.AssertNoViolationsAsync(page, "clinic page (index.html)", output);
        var screenshot = TestArtifacts.PathFor("clinic-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Clinic page screenshot: {screenshot}");

        await new BookingConversation(browser, "Avery Looktest").CompleteAsync();
        await browser.WaitForTextAsync(ChatBrowser.BotBubbles, new Regex("booked", RegexOptions.IgnoreCase));

        problems.AssertNone();
    }

    [SkippableFact]
    public async Task Every_chat_page_links_the_favicon_and_the_app_serves_it()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress);
        var page = browser.Page;
        foreach (var path in new[] { "/", "/embed.html", "/widget-demo.html" })
        {
            await page.GotoAsync(path);
            Assert.Equal("/favicon.svg", await page.Locator("link[rel=icon]").GetAttributeAsync("href"));
        }

        var favicon = await page.APIRequest.GetAsync("/favicon.svg");
        Assert.Equal(200, favicon.Status);
        Assert.StartsWith("image/svg+xml", favicon.Headers["content-type"]);
    }

    [SkippableFact]
    public async Task On_a_phone_the_launcher_stays_on_screen_and_the_open_widget_with_the_booking_card_passes_axe()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress, PhoneWidth, PhoneHeight, isMobile: true);
        var page = browser.Page;
        var problems = BrowserProblems.Watch(page);
        await page.GotoAsync("/widget-demo.html");
        var launcher = page.Locator(Launcher);
        await launcher.WaitForAsync();

        var box = await launcher.BoundingBoxAsync();
        Assert.NotNull(box);
        output.WriteLine($"Launcher at 390 px: x {box!.X:F0}..{box.X + box.Width:F0}, y {box.Y:F0}..{box.Y + box.Height:F0}");
        Assert.InRange(box.X, 0, PhoneWidth - box.Width);
        Assert.InRange(box.Y, 0, PhoneHeight - box.Height);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is no wider than the phone");
        await AxeReport.AssertNoViolationsAsync(page, "widget-demo.html at 390 px, launcher closed", output);

        await launcher.ClickAsync();
        var frame = await OpenedChatFrameAsync(page);
        browser.UseChatFrame(frame);
        await frame.WaitForFunctionAsync(
            "selector => document.activeElement !== null && document.activeElement.matches(selector)",
            ChatBrowser.SendBox, new FrameWaitForFunctionOptions { Timeout = ChatBrowser.TimeoutMs, PollingInterval = 25 });

        await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, 0);
        await new BookingConversation(browser, "Riley Phonetest").ShowConfirmationCardAsync();
        await AssertCardButtonsInClinicPaletteAsync(frame);

        var screenshot = TestArtifacts.PathFor("widget-phone-booking.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Phone widget mid-booking screenshot: {screenshot}");
        await AxeReport.AssertNoViolationsAsync(page, "widget-demo.html at 390 px, open widget with the booking card", output);

        await frame.Locator(ChatBrowser.SendBox).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("[data-clinicbot-widget] .cb-panel").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.True(await launcher.EvaluateAsync<bool>("button => button.getRootNode().activeElement === button"), "focus returns to the launcher");

        problems.AssertNone();
    }

    private static async Task<IFrame> OpenedChatFrameAsync(IPage page)
    {
        var element = await page.Locator(WidgetFrame).ElementHandleAsync();
        var frame = await element.ContentFrameAsync();
        Assert.NotNull(frame);
        await frame!.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return frame;
    }

    // Confirm in the clinic's --brand, Cancel not in Web Chat's red (#E50000).
    private static async Task AssertCardButtonsInClinicPaletteAsync(IFrame frame)
    {
        var colors = await frame.EvaluateAsync<string[]>(@"() => {
            const probe = document.createElement('span');
            probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--brand');
            document.body.appendChild(probe);
            const brand = getComputedStyle(probe).color;
            probe.remove();
            const background = selector => getComputedStyle(document.querySelector(selector)).backgroundColor;
            return [brand, background('#webchat .ac-pushButton.style-positive'), background('#webchat .ac-pushButton.style-destructive')];
        }");
        Assert.Equal(colors[0], colors[1]);
        Assert.NotEqual("rgb(229, 0, 0)", colors[2]);
    }
}
