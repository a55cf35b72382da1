using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// Headless Debian Chromium driven by Playwright (no browser download), with a fresh profile, recording
/// every URL the page requests. Dispose closes the browser.
/// </summary>
public sealed class ChatBrowser : IAsyncDisposable
{
    public const float TimeoutMs = 20_000;
    public const string BotBubbles = "#webchat .webchat__bubble:not(.webchat__bubble--from-user)";
    public const string UserBubbles = "#webchat .webchat__bubble--from-user";
    public const string SendBox = "[data-id=\"webchat-sendbox-input\"]";

    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChatBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        Chat = page.MainFrame;
        page.Request += (_, request) => RequestedUrls.Add(request.Url);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The frame Web Chat runs in: the page itself, or the launcher's frame once it is open.</summary>
    public IFrame Chat { get; set; }

    public void UseChatFrame(IFrame frame) => Chat = frame;

    public ConcurrentBag<string> RequestedUrls { get; } = [];

    public static async Task<ChatBrowser> LaunchAsync(
        Uri baseAddress, int width = 1280, int height = 900, bool ignoreHttpsErrors = false, IEnumerable<string>? extraFlags = null, bool isMobile = false)
    {
        var chromium = RequiredTools.Chromium();
        var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = [.. ChromiumFlags, .. extraFlags ?? []],
                Timeout = TimeoutMs,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = height },
                Locale = "en-US",
                IgnoreHTTPSErrors = ignoreHttpsErrors,
                IsMobile = isMobile, // a phone's viewport: a page wider than the screen widens the layout viewport too
            });
            context.SetDefaultTimeout(TimeoutMs);
            var page = await context.NewPageAsync();
            return new ChatBrowser(playwright, browser, context, page);
        }
        catch
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }

            playwright.Dispose();
            throw;
        }
    }

    public Task<int> CountAsync(string selector) => Chat.Locator(selector).CountAsync();

    /// <summary>Types into Web Chat's send box and presses Enter.</summary>
    public async Task SayAsync(string text)
    {
        var input = Chat.Locator(SendBox);
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>Waits until more than <paramref name="count"/> elements match.</summary>
    public Task WaitForMoreThanAsync(string selector, int count) =>
        Chat.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length > count",
            new object[] { selector, count },
            new FrameWaitForFunctionOptions { Timeout = TimeoutMs, PollingInterval = 25 });

    public async Task<string> LastBotTextAsync()
    {
        var bubbles = Chat.Locator(BotBubbles);
        var count = await bubbles.CountAsync();
        return count == 0 ? string.Empty : await bubbles.Nth(count - 1).InnerTextAsync();
    }

    public Task WaitForTextAsync(string selector, Regex text) =>
        Chat.Locator(selector).Filter(new LocatorFilterOptions { HasTextRegex = text }).First.WaitForAsync();

    /// <summary>Opens the launcher (widget.js) and makes its frame <see cref="Chat"/>.</summary>
    public async Task OpenLauncherAsync()
    {
        await Page.Locator("[data-clinicbot-widget] .cb-launcher").ClickAsync();
        var frame = await Page.Locator("[data-clinicbot-widget] iframe.cb-frame").ElementHandleAsync();
        Chat = await frame.ContentFrameAsync() ?? throw new InvalidOperationException("The launcher opened no frame.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        finally
        {
            await _browser.CloseAsync();
            _playwright.Dispose();
        }
    }
}
