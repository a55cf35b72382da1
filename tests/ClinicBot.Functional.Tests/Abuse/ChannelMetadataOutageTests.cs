using System.Net;
using System.Net.Sockets;
using ClinicBot.Tests.ChannelAuth;
using ClinicBot.Tests.Infrastructure;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// The review saw a 500 with a 45-line stack trace when the Bot Framework's OpenID metadata could not be fetched.
/// Here the metadata address is a loopback port nothing listens on: every request gets 503, and the outage is
/// logged once, in one line.
/// </summary>
public sealed class ChannelMetadataOutageTests
{
    [Fact]
    public async Task An_unreachable_metadata_address_answers_503_and_logs_one_line_without_a_stack_trace()
    {
        var appId = Guid.NewGuid().ToString();
        var closed = $"https://127.0.0.1:{ClosedPort()}/";
        using var app = new AbuseApp("Production", new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "test-only-password",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ToBotFromChannelOpenIdMetadataUrl"] = closed + "channel/.well-known/openid-configuration",
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = closed + "emulator/.well-known/openid-configuration",
            ["ToBotFromChannelTokenIssuer"] = ChannelAuthApp.ChannelIssuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/{0}",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
            ["CallerId"] = "urn:botframework:azure",
        });
        var client = app.CreateClient();
        const string serviceUrl = "http://127.0.0.1:9/";
        var token = ChannelTokens.Sign(
            new ChannelTokenSpec(ChannelAuthApp.ChannelIssuer, appId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(30)),
            ChannelTokens.ForeignKey("some-key"));

        var statuses = new List<HttpStatusCode>();
        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = JsonContent(ActivityJson.Message("hello", $"outage-{i}", serviceUrl, channelId: ChannelAuthApp.EndorsedChannel)),
            };
            request.Headers.TryAddWithoutValidation("Authorization", ChannelAuthApp.Bearer(token));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.All(bodies, body => Assert.DoesNotContain("   at ", body));
        var outage = Assert.Single(app.Logs.Entries, entry => entry.Contains("OpenID metadata could not be fetched", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', outage.TrimEnd());
        Assert.DoesNotContain(app.Logs.Entries, entry => entry.Contains("   at ", StringComparison.Ordinal));
    }

    private static System.Net.Http.StringContent JsonContent(System.Text.Json.Nodes.JsonObject activity) =>
        new(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>A loopback port that was just free; nothing listens on it.</summary>
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
