using System.Text.RegularExpressions;
using ClinicBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// The launcher on another site (<see cref="CrossSiteEmbed"/>): the conversation is kept by the host page's
/// launcher, so a reload in the middle of a booking resumes it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CrossSiteEmbedTests(CrossSiteEmbed sites) : IClassFixture<CrossSiteEmbed>
{
    private const string HostSessionKey = "clinicbot.chat.v1";
    private static readonly string Welcome = ClinicKnowledge.LoadDefault().Welcome().Text;

    [SkippableFact]
    public async Task A_booking_started_in_the_launcher_on_another_site_continues_after_the_page_is_reloaded()
    {
        await using var browser = await ChatBrowser.LaunchAsync(sites.SiteAddress, 1280, 1000);
        var page = browser.Page;
        const string name = "Robin Crosssite";
        var booking = new BookingConversation(browser, name);

        await page.GotoAsync("/");
        await browser.OpenLauncherAsync();
        await WaitForWelcomeAsync(browser);
        await booking.StartAsync();
        await booking.AnswerAsync(questions: 2);
        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex(name));

        var conversationId = await HostSessionConversationAsync(page);
        Assert.False(string.IsNullOrEmpty(conversationId), "the host page's launcher keeps the conversation");
        Assert.Null(await browser.Chat.EvaluateAsync<string?>("() => { try { return sessionStorage.getItem('clinicbot.webchat.v1'); } catch (e) { return null; } }"));

        // Only the chat frame may hand the launcher a conversation: the page's own message is ignored.
        await page.EvaluateAsync("() => window.postMessage({ type: 'clinicbot:save', session: { domain: 'http://evil.test', conversationId: 'forged', token: 'forged' } }, '*')");
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
              window.addEventListener('message', event => { if (event.data === 'after') { resolve(); } });
              window.postMessage('after', '*'); // one window's messages arrive in order: the forged one came first
            })
            """);
        Assert.Equal(conversationId, await HostSessionConversationAsync(page));

        await page.ReloadAsync();
        await browser.OpenLauncherAsync();
        await WaitForWelcomeAsync(browser);
        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex(name));
        await browser.WaitForTextAsync(ChatBrowser.UserBubbles, new Regex("832-555-0142"));
        Assert.Equal(conversationId, await HostSessionConversationAsync(page));

        await booking.AnswerUntilConfirmedAsync();
        await browser.WaitForTextAsync(ChatBrowser.BotBubbles, new Regex("booked", RegexOptions.IgnoreCase));
        Assert.Equal(1, CountBookingsNamed(name));
        Assert.Equal(1, await browser.Chat.Locator(ChatBrowser.BotBubbles).Filter(new() { HasTextRegex = WelcomeStart() }).CountAsync());
    }

    private static Task<string?> HostSessionConversationAsync(IPage page) =>
        page.EvaluateAsync<string?>($"() => JSON.parse(sessionStorage.getItem('{HostSessionKey}') || '{{}}').conversationId ?? null");

    private static Task WaitForWelcomeAsync(ChatBrowser browser) =>
        browser.Chat.Locator(ChatBrowser.BotBubbles).Filter(new() { HasTextRegex = WelcomeStart() }).First.WaitForAsync();

    // Web Chat's markdown turns straight apostrophes into curly ones.
    private static Regex WelcomeStart() =>
        new(Regex.Escape(Welcome[..Math.Min(60, Welcome.Length)]).Replace("'", "['’]", StringComparison.Ordinal));

    private int CountBookingsNamed(string name) =>
        sites.Chat.Services.GetRequiredService<ClinicBot.Booking.Store.IBookingStore>()
            .ListAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Count(booking => booking.Name == name);
}
