using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Widget;

/// <summary>Runs alone (no other test class at the same time), so its timings are not shared with other browsers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}

/// <summary>
/// First use of the launcher on another site, on a throttled phone-like connection (CDP: 1.6 Mbps down, 750 kbps
/// up, 150 ms latency, CPU 4x slower). Prints the page's and the chat's readiness and the bytes before opening;
/// asserts only what is not timing: the byte budget before opening and that Web Chat is not fetched before then.
/// </summary>
[Trait("Category", "Browser")]
[Collection(MeasuredAloneCollection.Name)]
public sealed class FirstUseTests(CrossSiteEmbed sites, ITestOutputHelper output) : IClassFixture<CrossSiteEmbed>
{
    private const int BytesBeforeOpenBudget = 30 * 1024;
    private const float SlowTimeoutMs = 90_000; // a measurement, not a limit: wait long enough to print it

    // Without site isolation the cross-site chat frame shares the page's renderer and network emulation, so the
    // throttling set on the page's DevTools session applies to the frame too.
    private static readonly string[] OneRendererFlags = ["--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process"];

    [SkippableFact]
    public async Task The_launcher_costs_little_before_it_is_opened_and_the_chat_is_ready_soon_after_on_a_slow_phone()
    {
        await using var browser = await ChatBrowser.LaunchAsync(sites.SiteAddress, 390, 844, extraFlags: OneRendererFlags);
        var page = browser.Page;
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var sentAt = new ConcurrentDictionary<string, string>();
        var received = new ConcurrentDictionary<string, double>();
        var startedAt = new ConcurrentDictionary<string, double>();
        var finishedAt = new ConcurrentDictionary<string, double>();
        devTools.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            var id = e!.Value.GetProperty("requestId").GetString()!;
            sentAt[id] = e.Value.GetProperty("request").GetProperty("url").GetString()!;
            startedAt[id] = e.Value.GetProperty("timestamp").GetDouble();
        };
        devTools.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var id = e!.Value.GetProperty("requestId").GetString()!;
            received[id] = e.Value.GetProperty("encodedDataLength").GetDouble();
            finishedAt[id] = e.Value.GetProperty("timestamp").GetDouble();
        };
        await devTools.SendAsync("Network.enable");
        await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 150,
            ["downloadThroughput"] = 1_600_000 / 8,
            ["uploadThroughput"] = 750_000 / 8,
        });
        await devTools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });

        var navigation = Stopwatch.StartNew();
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var launcher = page.Locator("[data-clinicbot-widget] .cb-launcher");
        await launcher.WaitForAsync();
        var launcherVisible = navigation.Elapsed;
        var loadEvent = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");

        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => resolve()))");
        var beforeOpen = sentAt.ToArray();
        Assert.DoesNotContain(beforeOpen, request => request.Value.Contains("webchat.js", StringComparison.Ordinal));
        Assert.DoesNotContain(browser.RequestedUrls, url => url.Contains("/embed.html", StringComparison.Ordinal));

        var opening = Stopwatch.StartNew();
        await browser.OpenLauncherAsync();
        var slow = new LocatorWaitForOptions { Timeout = SlowTimeoutMs };
        await browser.Chat.Locator($"{ChatBrowser.SendBox}:enabled").WaitForAsync(slow);
        await browser.Chat.Locator("#webchat-connecting").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = SlowTimeoutMs });
        var chatUsable = opening.Elapsed;

        var bytesBeforeOpen = beforeOpen.Sum(request => received.GetValueOrDefault(request.Key));
        var webChatBytes = sentAt.Where(request => request.Value.Contains("webchat.js", StringComparison.Ordinal)).Sum(request => received.GetValueOrDefault(request.Key));
        // Where the time after opening goes, in DevTools' clock, from the frame's page request.
        string Since(string path, ConcurrentDictionary<string, double> at)
        {
            var frameStart = sentAt.Where(r => r.Value.Contains("/embed.html", StringComparison.Ordinal)).Select(r => startedAt[r.Key]).DefaultIfEmpty(double.NaN).Min();
            var id = sentAt.Where(r => r.Value.Contains(path, StringComparison.Ordinal)).Select(r => r.Key).FirstOrDefault();
            return id is not null && at.TryGetValue(id, out var time) ? Ms((time - frameStart) * 1000) : "?";
        }

        var breakdown = $"  after the frame's request: Web Chat's bundle requested +{Since("webchat.js", startedAt)} ms, downloaded +{Since("webchat.js", finishedAt)} ms; "
            + $"token issued +{Since("/api/directline/token", finishedAt)} ms; conversation started +{Since("/v3/directline/conversations", finishedAt)} ms";
        var report = string.Join(Environment.NewLine,
            "First use of the launcher on another site, throttled (1.6 Mbps down, 750 kbps up, 150 ms latency, CPU 4x):",
            $"  page usable: load event {Ms(loadEvent)} ms, launcher visible {Ms(launcherVisible.TotalMilliseconds)} ms after navigation (target <= 2500 ms)",
            $"  chat usable after opening (send box enabled, connected): {Ms(chatUsable.TotalMilliseconds)} ms (target <= 5000 ms)",
            breakdown,
            $"  bytes before opening: {Ms(bytesBeforeOpen)} in {beforeOpen.Length} requests (budget {BytesBeforeOpenBudget}); Web Chat's bundle after opening: {Ms(webChatBytes)} bytes");
        output.WriteLine(report);
        WriteArtifact("first-use.txt", report);

        Assert.InRange(bytesBeforeOpen, 1, BytesBeforeOpenBudget);
        Assert.True(webChatBytes > 0, "Web Chat's bundle was fetched after opening, through the throttled connection");
    }

    private static string Ms(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static void WriteArtifact(string fileName, string text)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, fileName), text + Environment.NewLine);
    }
}
