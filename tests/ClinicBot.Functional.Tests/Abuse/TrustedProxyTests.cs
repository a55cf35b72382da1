using System.Net;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// The review's attack: with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true any X-Forwarded-For was believed, so one client
/// sending a new address per request escaped the per-address limits. New conversations are limited to 20 a minute
/// per address (DirectLine:RateLimits:ConversationsPerAddress).
/// </summary>
public sealed class TrustedProxyTests
{
    private const int ConversationsPerMinute = 20;

    [Fact]
    public async Task With_no_proxies_configured_the_21st_conversation_from_spoofed_addresses_is_still_limited()
    {
        // The host setting ASP.NET Core reads from ASPNETCORE_FORWARDEDHEADERS_ENABLED.
        using var app = new AbuseApp(settings: new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" }, kestrel: true);
        using var client = app.ClientFrom("127.0.0.1");

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= ConversationsPerMinute + 1; i++)
        {
            statuses.Add(await NewConversationAsync(client, forwardedFor: $"203.0.113.{i}"));
        }

        Assert.All(statuses.Take(ConversationsPerMinute), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_sender_that_is_not_a_configured_proxy_is_ignored()
    {
        using var app = new AbuseApp(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.2" }, kestrel: true);
        using var client = app.ClientFrom("127.0.0.1");

        for (var i = 1; i <= ConversationsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await NewConversationAsync(client, forwardedFor: $"203.0.113.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await NewConversationAsync(client, forwardedFor: "198.51.100.1"));
    }

    /// <summary>
    /// With the host setting on, ASP.NET Core adds the middleware itself (the app then does not), so the third case
    /// also shows that the first test really ran with forwarded headers switched on.
    /// </summary>
    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "127.0.0.1", false)]
    [InlineData("ForwardedHeaders:KnownNetworks", "127.0.0.0/8", false)]
    [InlineData("ForwardedHeaders:KnownProxies", "127.0.0.1", true)]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit(string key, string value, bool hostEnabled)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (hostEnabled)
        {
            settings["FORWARDEDHEADERS_ENABLED"] = "true";
        }

        using var app = new AbuseApp(settings: settings, kestrel: true);
        using var proxy = app.ClientFrom("127.0.0.1");

        for (var i = 0; i < ConversationsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await NewConversationAsync(proxy, forwardedFor: "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await NewConversationAsync(proxy, forwardedFor: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await NewConversationAsync(proxy, forwardedFor: "203.0.113.8"));
    }

    [Fact]
    public void A_malformed_proxy_network_stops_the_app_with_a_clear_message()
    {
        using var app = new AbuseApp(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/99" });

        var failure = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks", failure.Message);
    }

    private static async Task<HttpStatusCode> NewConversationAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
