using System.Net;
using System.Net.Http.Json;
using ClinicBot.Testing;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// Anonymous mode (no MicrosoftAppId): nothing vouches for an activity's serviceUrl or channelId, so the review
/// could make the bot POST to any address (blind SSRF) and, with channelId "directline", reach a web chat
/// visitor's booking in progress. Each listener here is a real Kestrel server on 127.0.0.1.
/// </summary>
public sealed class AnonymousModeLockdownTests
{
    private static readonly Dictionary<string, string?> AnonymousProduction = new() { ["Bot:AllowAnonymous"] = "true" };

    [Fact]
    public async Task In_production_a_loopback_service_url_not_on_the_allow_list_gets_403_and_the_listener_no_request()
    {
        await using var listener = await ChannelSink.StartAsync();
        using var app = new AbuseApp("Production", AnonymousProduction);
        var conversationId = $"ssrf-{Guid.NewGuid():N}";

        var response = await ActivityJson.PostAsync(app.CreateClient(), ActivityJson.Message("hello", conversationId, listener.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Bot:AnonymousReplyHosts", await response.Content.ReadAsStringAsync());
        // Replies are sent during the turn, before the response; none was sent and no turn ran.
        Assert.Empty(listener.Received);
        Assert.Equal(0, StateRows(app, conversationId));
    }

    [Fact]
    public async Task In_development_a_service_url_host_outside_a_configured_allow_list_gets_403()
    {
        await using var listener = await ChannelSink.StartAsync();
        using var app = new AbuseApp(settings: new Dictionary<string, string?> { ["Bot:AnonymousReplyHosts"] = "bot.clinic.example" });

        var response = await ActivityJson.PostAsync(app.CreateClient(), ActivityJson.Message("hello", "ssrf-dev", listener.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(listener.Received);
    }

    [Fact]
    public async Task In_development_loopback_is_allowed_by_default_and_the_listener_gets_the_reply()
    {
        await using var listener = await ChannelSink.StartAsync();
        using var app = new AbuseApp();

        var response = await ActivityJson.PostAsync(app.CreateClient(), ActivityJson.Message("what are your hours", "loopback-dev", listener.ServiceUrl));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        Assert.NotEmpty(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_host_on_the_allow_list_is_served_in_production()
    {
        await using var listener = await ChannelSink.StartAsync();
        using var app = new AbuseApp("Production", new Dictionary<string, string?>(AnonymousProduction) { ["Bot:AnonymousReplyHosts"] = "127.0.0.1" });

        var response = await ActivityJson.PostAsync(app.CreateClient(), ActivityJson.Message("what are your hours", "allowed-prod", listener.ServiceUrl));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        Assert.NotEmpty(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("DirectLine ")]
    public async Task A_web_chat_conversation_cannot_be_reached_through_api_messages(string channelId)
    {
        using var app = new AbuseApp();
        var visitor = new DirectLineTestClient(app.CreateClient());
        await visitor.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostMessageAsync("I'd like to book a free call")).StatusCode);
        var stateBefore = StateRows(app, visitor.ConversationId);

        var attack = ActivityJson.Message("yes", visitor.ConversationId, "http://127.0.0.1:9/", expectReplies: true, channelId: channelId);
        var response = await ActivityJson.PostAsync(app.CreateClient(), attack);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(stateBefore > 0, "the visitor's booking in progress was saved");
        Assert.Equal(stateBefore, StateRows(app, visitor.ConversationId));
        var (activities, _) = await visitor.GetActivitiesAsync();
        Assert.DoesNotContain(activities, activity => DirectLineTestClient.Text(activity!) == "yes");
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", true)]
    public async Task Start_up_warns_loudly_whenever_anonymous_traffic_is_allowed(string environment, bool allowAnonymous)
    {
        using var app = new AbuseApp(environment, allowAnonymous ? AnonymousProduction : null);

        await app.CreateClient().GetAsync("/health/live");

        var warning = Assert.Single(app.Logs.Entries, entry => entry.Contains("ANONYMOUS MODE", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning);
        Assert.Contains(environment, warning);
    }

    [Fact]
    public async Task With_an_app_id_there_is_no_anonymous_warning()
    {
        using var app = new AbuseApp("Production", new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["MicrosoftAppPassword"] = "test-only-password",
        });

        await app.CreateClient().GetAsync("/health/live");

        Assert.DoesNotContain(app.Logs.Entries, entry => entry.Contains("ANONYMOUS MODE", StringComparison.Ordinal));
    }

    private static long StateRows(AbuseApp app, string conversationId) =>
        SqliteRows.Count(app.DatabasePath, "bot_state") == 0
            ? 0
            : (long)SqliteRows.Query(app.DatabasePath, $"SELECT COUNT(*) AS n FROM bot_state WHERE key LIKE '%{conversationId}%'")[0]["n"]!;
}
