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
/// up, 150 ms latency, CPU 4x slower), opened at once and opened after the page was idle (Web Chat preloaded).
/// Prints the page's and the chat's readiness and the bytes before opening; asserts only what is not timing: the
/// byte budget before opening, that Web Chat is not fetched before then unless preloaded, and that the preload
/// starts no conversation.
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
        // Opened at once, before the browser was idle (data-preload="intent" holds the preload back, so the
        // measurement does not depend on how quickly the test clicks): everything after opening is paid then.
        await using var atOnce = await ThrottledVisit.StartAsync(sites.SiteAddress, "/?preload=intent");
        var launcherVisible = atOnce.Navigation.Elapsed;
        var loadEvent = await atOnce.Page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
        await atOnce.Page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => resolve()))");
        var beforeOpen = atOnce.SentAt.ToArray();
        Assert.DoesNotContain(beforeOpen, request => request.Value.Contains("webchat.js", StringComparison.Ordinal));
        Assert.DoesNotContain(atOnce.Browser.RequestedUrls, url => url.Contains("/embed.html", StringComparison.Ordinal));
        var usableAtOnce = await atOnce.OpenAndWaitUntilUsableAsync();
        var bytesBeforeOpen = atOnce.BytesOf(beforeOpen);
        var webChatBytes = atOnce.BytesOf(atOnce.SentAt.Where(request => request.Value.Contains("webchat.js", StringComparison.Ordinal)));

        // The visitor reads the page first: the launcher loads the frame and Web Chat once the browser is idle,
        // without starting a conversation; opening then waits for the token, the conversation and the first render.
        await using var afterReading = await ThrottledVisit.StartAsync(sites.SiteAddress, "/");
        var preloadedFrame = afterReading.Page.Locator("[data-clinicbot-widget] iframe.cb-frame");
        await preloadedFrame.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = SlowTimeoutMs });
        var frame = await (await preloadedFrame.ElementHandleAsync()).ContentFrameAsync() ?? throw new InvalidOperationException("no frame");
        // Polled by time: a frame in the closed (display: none) panel gets no animation frames.
        await frame.WaitForFunctionAsync("() => !!window.WebChat", null, new FrameWaitForFunctionOptions { Timeout = SlowTimeoutMs, PollingInterval = 100 });
        var preloadedAfter = afterReading.Navigation.Elapsed;
        Assert.DoesNotContain(afterReading.SentAt.Values, url => url.Contains("/api/directline/token", StringComparison.Ordinal));
        var bytesBeforeOpenPreloaded = afterReading.BytesOf(afterReading.SentAt.ToArray());
        var usableAfterReading = await afterReading.OpenAndWaitUntilUsableAsync();

        var report = string.Join(Environment.NewLine,
            "First use of the launcher on another site, throttled (1.6 Mbps down, 750 kbps up, 150 ms latency, CPU 4x):",
            $"  page usable: load event {Ms(loadEvent)} ms, launcher visible {Ms(launcherVisible.TotalMilliseconds)} ms after navigation (target <= 2500 ms)",
            $"  opened at once (data-preload=\"intent\"): chat usable (send box enabled, connected) {Ms(usableAtOnce.TotalMilliseconds)} ms after opening (target <= 5000 ms)",
            "  " + atOnce.Breakdown(),
            $"  bytes before opening: {Ms(bytesBeforeOpen)} in {beforeOpen.Length} requests (budget {BytesBeforeOpenBudget}); Web Chat's bundle after opening: {Ms(webChatBytes)} bytes",
            $"  opened after the page was idle (default data-preload=\"idle\"): Web Chat preloaded {Ms(preloadedAfter.TotalMilliseconds)} ms after navigation "
                + $"({Ms(bytesBeforeOpenPreloaded)} bytes by then, no conversation started); chat usable {Ms(usableAfterReading.TotalMilliseconds)} ms after opening (target <= 5000 ms)",
            "  " + afterReading.Breakdown());
        output.WriteLine(report);
        WriteArtifact("first-use.txt", report);

        Assert.InRange(bytesBeforeOpen, 1, BytesBeforeOpenBudget);
        Assert.True(webChatBytes > 0, "Web Chat's bundle was fetched after opening, through the throttled connection");
        Assert.True(afterReading.SentAt.Values.Count(url => url.Contains("webchat.js", StringComparison.Ordinal)) == 1, "the preloaded bundle is not fetched again on opening");
    }

    /// <summary>One visit in a fresh browser (empty cache) with the phone-like throttling on, and what it requested.</summary>
    private sealed class ThrottledVisit : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, double> _received = new();
        private readonly ConcurrentDictionary<string, double> _startedAt = new();
        private readonly ConcurrentDictionary<string, double> _finishedAt = new();

        private ThrottledVisit(ChatBrowser browser) => Browser = browser;

        public ChatBrowser Browser { get; }

        public IPage Page => Browser.Page;

        public ConcurrentDictionary<string, string> SentAt { get; } = new();

        public Stopwatch Navigation { get; } = new();

        public static async Task<ThrottledVisit> StartAsync(Uri site, string path)
        {
            var visit = new ThrottledVisit(await ChatBrowser.LaunchAsync(site, 390, 844, extraFlags: OneRendererFlags));
            var devTools = await visit.Page.Context.NewCDPSessionAsync(visit.Page);
            devTools.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                var id = e!.Value.GetProperty("requestId").GetString()!;
                visit.SentAt[id] = e.Value.GetProperty("request").GetProperty("url").GetString()!;
                visit._startedAt[id] = e.Value.GetProperty("timestamp").GetDouble();
            };
            devTools.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                var id = e!.Value.GetProperty("requestId").GetString()!;
                visit._received[id] = e.Value.GetProperty("encodedDataLength").GetDouble();
                visit._finishedAt[id] = e.Value.GetProperty("timestamp").GetDouble();
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

            visit.Navigation.Start();
            await visit.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await visit.Page.Locator("[data-clinicbot-widget] .cb-launcher").WaitForAsync();
            return visit;
        }

        public async Task<TimeSpan> OpenAndWaitUntilUsableAsync()
        {
            var opening = Stopwatch.StartNew();
            await Browser.OpenLauncherAsync();
            var slow = new LocatorWaitForOptions { Timeout = SlowTimeoutMs };
            await Browser.Chat.Locator($"{ChatBrowser.SendBox}:enabled").WaitForAsync(slow);
            await Browser.Chat.Locator("#webchat-connecting").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = SlowTimeoutMs });
            return opening.Elapsed;
        }

        public double BytesOf(IEnumerable<KeyValuePair<string, string>> requests) => requests.Sum(request => _received.GetValueOrDefault(request.Key));

        /// <summary>Where the time goes, in DevTools' clock, from the frame's page request.</summary>
        public string Breakdown()
        {
            var frameStart = SentAt.Where(r => r.Value.Contains("/embed.html", StringComparison.Ordinal)).Select(r => _startedAt[r.Key]).DefaultIfEmpty(double.NaN).Min();
            string Since(string path, ConcurrentDictionary<string, double> at)
            {
                var id = SentAt.Where(r => r.Value.Contains(path, StringComparison.Ordinal)).Select(r => r.Key).FirstOrDefault();
                return id is not null && at.TryGetValue(id, out var time) ? Ms((time - frameStart) * 1000) : "?";
            }

            return $"after the frame's request: Web Chat's bundle requested +{Since("webchat.js", _startedAt)} ms, downloaded +{Since("webchat.js", _finishedAt)} ms; "
                + $"token issued +{Since("/api/directline/token", _finishedAt)} ms; conversation started +{Since("/v3/directline/conversations", _finishedAt)} ms";
        }

        public async ValueTask DisposeAsync() => await Browser.DisposeAsync();
    }

    private static string Ms(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static void WriteArtifact(string fileName, string text)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, fileName), text + Environment.NewLine);
    }
}
