using System.Diagnostics;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// The chat page in a real browser (Debian Chromium, headless) against the real app on Kestrel:
/// welcome, replies, the hours card, a booking confirmed with the card's button, history after a
/// refresh, accessibility, and nothing requested from anywhere but the app.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class WebChatBrowserTests(KestrelClinicBotApp app, ITestOutputHelper output) : IClassFixture<KestrelClinicBotApp>
{
    private static readonly string Welcome = ClinicKnowledge.LoadDefault().Welcome().Text;

    [SkippableFact]
    public async Task A_visitor_is_welcomed_gets_a_reply_quickly_and_finds_the_history_after_a_refresh()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");
        await WaitForWelcomeAsync(browser);

        var conversationId = await SavedConversationIdAsync(page);
        Assert.False(string.IsNullOrEmpty(conversationId));

        var botBefore = await browser.CountAsync(ChatBrowser.BotBubbles);
        var watch = Stopwatch.StartNew();
        await browser.SayAsync("what are your hours");
        await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, botBefore);
        watch.Stop();
        output.WriteLine($"Reply delay in the browser (Enter to the reply shown), first message: {watch.ElapsedMilliseconds} ms");
        for (var i = 0; i < 3; i++)
        {
            var before = await browser.CountAsync(ChatBrowser.BotBubbles);
            var started = Stopwatch.GetTimestamp();
            var requests = new List<string>();
            void Log(object? sender, IRequest request) => requests.Add($"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}ms {request.Method} {new Uri(request.Url).PathAndQuery}");
            page.Request += Log;
            await browser.SayAsync("hello again " + i);
            await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, before);
            page.Request -= Log;
            output.WriteLine($"Reply delay in the browser, message {i + 2}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms [{string.Join(" | ", requests)}]");
        }

        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex("what are your hours"));
        Assert.DoesNotContain("Send failed", await page.Locator("#webchat").InnerTextAsync());
        var botAfter = await browser.CountAsync(ChatBrowser.BotBubbles);

        await page.ReloadAsync();
        await WaitForWelcomeAsync(browser);
        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex("what are your hours"));
        await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, botAfter - 1);

        Assert.Equal(conversationId, await SavedConversationIdAsync(page));
        Assert.Equal(1, await page.Locator(ChatBrowser.BotBubbles).Filter(new() { HasTextRegex = WelcomeStart() }).CountAsync());
        AssertOnlyLocalRequests(browser);
    }

    [SkippableFact]
    public async Task A_message_typed_before_the_chat_is_connected_is_sent_once_it_is_and_the_page_says_it_is_connecting()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress);
        var page = browser.Page;
        // Force the interleaving: Direct Line's start of the conversation is held until the visitor has typed.
        // (The handler returns at once; awaiting inside it would stall Playwright's message loop.)
        var startRequested = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex(@"/v3/directline/conversations($|\?)"), route =>
        {
            startRequested.TrySetResult(route);
            return Task.CompletedTask;
        });

        await page.GotoAsync("/");
        var held = await startRequested.Task.WaitAsync(TimeSpan.FromMilliseconds(ChatBrowser.TimeoutMs));
        Assert.True(await page.Locator("#webchat-connecting").IsVisibleAsync());
        await browser.SayAsync("what are your hours");
        await held.ContinueAsync();

        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex("what are your hours"));
        await browser.WaitForTextAsync(ChatBrowser.BotBubbles, new Regex("9:00 AM"));
        Assert.Equal(1, await page.Locator(ChatBrowser.UserBubbles).Filter(new() { HasTextRegex = new Regex("what are your hours") }).CountAsync());
        Assert.True(await page.Locator("#webchat-connecting").IsHiddenAsync());
        Assert.DoesNotContain("Send failed", await page.Locator("#webchat").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Asking_for_the_hours_shows_the_hours_card()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress);
        await browser.Page.GotoAsync("/");
        await WaitForWelcomeAsync(browser);

        await browser.SayAsync("what are your hours");

        var card = browser.Page.Locator("#webchat .ac-adaptiveCard").Filter(new() { HasTextRegex = NineToFive() });
        await card.First.WaitForAsync();
        AssertOnlyLocalRequests(browser);
    }

    [SkippableFact]
    public async Task A_booking_typed_in_the_chat_and_confirmed_with_the_card_button_is_saved()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress, 1280, 1000);
        var page = browser.Page;
        await page.GotoAsync("/");
        await WaitForWelcomeAsync(browser);
        const string name = "Dana Testpatient"; // each test class has its own database

        await new BookingConversation(browser, name).CompleteAsync();
        await browser.WaitForTextAsync(ChatBrowser.BotBubbles, new Regex("booked", RegexOptions.IgnoreCase));

        var screenshot = ArtifactPath("booking.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Booking screenshot: {screenshot}");

        Assert.Equal(1, CountBookingsNamed(name));
        AssertOnlyLocalRequests(browser);
    }

    [SkippableFact]
    public async Task The_chat_page_has_no_serious_or_critical_accessibility_violations()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress);
        await browser.Page.GotoAsync("/");
        await WaitForWelcomeAsync(browser);

        AssertNoBlockingViolations(await browser.Page.RunAxe());
    }

    private void AssertNoBlockingViolations(Deque.AxeCore.Commons.AxeResult result)
    {
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"axe {violation.Impact}: {violation.Id} — {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        output.WriteLine($"axe: {result.Passes.Length} rules passed, {result.Violations.Length} violated");
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, "Serious or critical axe violations: " + string.Join("; ",
            blocking.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [SkippableFact]
    public async Task The_launcher_loads_web_chat_only_when_opened_and_works_by_keyboard_on_a_phone()
    {
        await using var browser = await ChatBrowser.LaunchAsync(app.BaseAddress, 390, 844);
        var page = browser.Page;
        await page.GotoAsync("/widget-demo.html");
        var launcher = page.Locator("[data-clinicbot-widget] .cb-launcher");
        await launcher.WaitForAsync();
        Assert.DoesNotContain(browser.RequestedUrls, url => url.Contains("webchat.js", StringComparison.Ordinal));
        Assert.Equal("false", await launcher.GetAttributeAsync("aria-expanded"));
        Assert.StartsWith("Open chat", await launcher.GetAttributeAsync("aria-label"));

        await page.Keyboard.PressAsync("Tab");
        Assert.True(await launcher.EvaluateAsync<bool>("button => button.getRootNode().activeElement === button"), "Tab reaches the launcher");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("true", await launcher.GetAttributeAsync("aria-expanded"));
        var frame = page.FrameLocator("[data-clinicbot-widget] iframe.cb-frame");
        await frame.Locator(ChatBrowser.BotBubbles).Filter(new() { HasTextRegex = WelcomeStart() }).First.WaitForAsync();
        Assert.Contains(browser.RequestedUrls, url => url.Contains("webchat.js", StringComparison.Ordinal));

        var panel = page.Locator("[data-clinicbot-widget] .cb-panel");
        var box = await panel.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(390, box!.Width, 1.0);
        var screenshot = ArtifactPath("launcher-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Launcher screenshot: {screenshot}");
        AssertNoBlockingViolations(await page.RunAxe());

        await frame.Locator(ChatBrowser.SendBox).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await panel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("false", await launcher.GetAttributeAsync("aria-expanded"));
        Assert.True(await launcher.EvaluateAsync<bool>("button => button.getRootNode().activeElement === button"), "focus returns to the launcher");

        await launcher.PressAsync("Enter");
        var close = page.Locator("[data-clinicbot-widget] .cb-close");
        await close.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await panel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    private static async Task WaitForWelcomeAsync(ChatBrowser browser) =>
        await browser.Page.Locator(ChatBrowser.BotBubbles).Filter(new() { HasTextRegex = WelcomeStart() }).First.WaitForAsync();

    // Web Chat's markdown turns straight apostrophes into curly ones.
    private static Regex WelcomeStart() =>
        new(Regex.Escape(Welcome[..Math.Min(60, Welcome.Length)]).Replace("'", "['’]", StringComparison.Ordinal));

    private static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    private static Task<string?> SavedConversationIdAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => JSON.parse(sessionStorage.getItem('clinicbot.webchat.v1') || '{}').conversationId ?? null");

    private void AssertOnlyLocalRequests(ChatBrowser browser)
    {
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var foreign = browser.RequestedUrls
            .Where(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(foreign.Count == 0, "Requests left the app: " + string.Join(", ", foreign));
    }

    // Names are encrypted at rest (staff: ProtectedBookingStore), so count through the app's decrypting store.
    private int CountBookingsNamed(string name) =>
        app.Services.GetRequiredService<ClinicBot.Booking.Store.IBookingStore>()
            .ListAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Count(booking => booking.Name == name);

    [GeneratedRegex(@"9(:00)?\s*AM[\s\S]*5(:00)?\s*PM", RegexOptions.IgnoreCase)]
    private static partial Regex NineToFive();
}
