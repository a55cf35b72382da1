using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace ClinicBot.Tests.ChannelAuth;

/// <summary>
/// /api/messages with a MicrosoftAppId: only a channel token signed by a published, endorsed key, for this
/// app id, from the channel issuer, in date, and naming the activity's serviceUrl gets a turn.
/// </summary>
public sealed class ChannelAuthenticationTests(ChannelAuthApp app, ITestOutputHelper output) : IClassFixture<ChannelAuthApp>
{
    /// <summary>Each hostile case: the Authorization header to send for an activity posted to <c>serviceUrl</c>.</summary>
    private static readonly Dictionary<string, Func<ChannelAuthApp, string, string?>> HostileHeaders = new()
    {
        ["missing Authorization header"] = (_, _) => null,
        ["Bearer with garbage"] = (_, _) => "Bearer garbage",
        ["Bearer with three garbage segments"] = (_, _) => "Bearer a.b.c",
        ["Basic scheme"] = (_, _) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pass")),
        ["bad signature (other key, published kid)"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url), ChannelTokens.ForeignKey(a.Stub.Channel.KeyId))),
        ["unknown kid (key not in the JWKS)"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url), ChannelTokens.ForeignKey("not-published"))),
        ["alg none (unsigned)"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Unsigned(a.ValidSpec(url), a.Stub.Channel.KeyId)),
        ["HS256 keyed with the public key (alg confusion)"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url), PublicKeyAsHmacSecret(a), SecurityAlgorithms.HmacSha256)),
        ["wrong issuer"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url) with { Issuer = "https://attacker.example/" }, a.Stub.Channel.SigningKey)),
        ["wrong audience"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url) with { Audience = Guid.NewGuid().ToString() }, a.Stub.Channel.SigningKey)),
        ["expired"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url) with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddHours(-1) }, a.Stub.Channel.SigningKey)),
        ["not yet valid"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url) with { NotBefore = DateTimeOffset.UtcNow.AddHours(1), Expires = DateTimeOffset.UtcNow.AddHours(2) }, a.Stub.Channel.SigningKey)),
        ["serviceurl claim for another serviceUrl"] = (a, _) =>
            ChannelAuthApp.Bearer(a.ValidToken("https://attacker.example/")),
        ["no serviceurl claim"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(a.ValidSpec(url) with { ServiceUrl = null }, a.Stub.Channel.SigningKey)),
        ["emulator issuer signed with the channel key"] = (a, url) =>
            ChannelAuthApp.Bearer(ChannelTokens.Sign(EmulatorSpec(a, url), a.Stub.Channel.SigningKey)),
    };

    public static TheoryData<string> HostileCases => new(HostileHeaders.Keys);

    [Fact]
    public async Task A_valid_channel_token_gets_a_turn()
    {
        var conversationId = $"auth-ok-{Guid.NewGuid():N}";

        var response = await app.PostAsync(app.Message(conversationId, expectReplies: true), ChannelAuthApp.Bearer(app.ValidToken(app.Sink.ServiceUrl)));

        var replies = await ActivityJson.RepliesAsync(response);
        Assert.NotEmpty(replies);
        Assert.Contains(replies, reply => !string.IsNullOrWhiteSpace(reply?["text"]?.GetValue<string>()));
        Assert.True(app.StateRowsFor(conversationId) > 0, "the turn saved no conversation state");
        Assert.Contains(app.Stub.Requests, path => path.EndsWith("/channel/keys", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task A_hostile_or_broken_token_gets_401_and_no_turn(string hostileCase)
    {
        var conversationId = $"auth-bad-{Guid.NewGuid():N}";
        var stubRequestsBefore = app.Stub.Requests.Count;

        var response = await app.PostAsync(app.Message(conversationId), HostileHeaders[hostileCase](app, app.Sink.ServiceUrl));

        var body = await response.Content.ReadAsStringAsync();
        var stubRequests = app.Stub.Requests.Skip(stubRequestsBefore).ToList();
        output.WriteLine($"{hostileCase}: {(int)response.StatusCode}, body {body.Length} chars, stub requests during the call: [{string.Join(", ", stubRequests)}]");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNoInternals(body);
        Assert.Empty(await app.Sink.WaitForAsync(1, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(0, app.StateRowsFor(conversationId));
        Assert.All(stubRequests, path => Assert.Matches("^/(channel|emulator)/(\\.well-known/openid-configuration|keys)$", path));
    }

    [Fact]
    public async Task A_valid_token_for_a_channel_the_key_is_not_endorsed_for_gets_401()
    {
        var conversationId = $"auth-endorse-{Guid.NewGuid():N}";
        var activity = app.Message(conversationId, expectReplies: true);
        activity["channelId"] = "not-an-endorsed-channel";

        var response = await app.PostAsync(activity, ChannelAuthApp.Bearer(app.ValidToken(app.Sink.ServiceUrl)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNoInternals(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, app.StateRowsFor(conversationId));
    }

    [Fact]
    public async Task A_valid_token_replayed_with_a_different_serviceUrl_in_the_body_gets_401()
    {
        var conversationId = $"auth-replay-{Guid.NewGuid():N}";
        var token = app.ValidToken(app.Sink.ServiceUrl);
        var activity = app.Message(conversationId);
        activity["serviceUrl"] = "http://169.254.169.254/";

        var response = await app.PostAsync(activity, ChannelAuthApp.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, app.StateRowsFor(conversationId));
    }

    /// <summary>
    /// Documents an SDK rule rather than ClinicBot code: a token whose issuer is an Azure AD/emulator issuer is
    /// checked against the emulator metadata (in production Microsoft's AAD keys, here the stub's second key),
    /// needs only appid = MicrosoftAppId, and is not checked for a serviceurl claim. So the emulator metadata
    /// URL must never point anywhere but Azure AD; the app leaves it at the SDK default.
    /// </summary>
    [Fact]
    public async Task An_emulator_token_signed_by_the_emulator_authority_is_accepted_by_the_sdk()
    {
        var conversationId = $"auth-emu-{Guid.NewGuid():N}";

        var response = await app.PostAsync(
            app.Message(conversationId, expectReplies: true),
            ChannelAuthApp.Bearer(ChannelTokens.Sign(EmulatorSpec(app, serviceUrl: null), app.Stub.Emulator.SigningKey)));

        Assert.NotEmpty(await ActivityJson.RepliesAsync(response));
    }

    private static ChannelTokenSpec EmulatorSpec(ChannelAuthApp app, string? serviceUrl) =>
        new(ChannelAuthApp.EmulatorIssuer, app.AppId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(30),
            new Dictionary<string, object> { ["appid"] = app.AppId, ["ver"] = "1.0" });

    private static SecurityKey PublicKeyAsHmacSecret(ChannelAuthApp app)
    {
        var n = ((JsonObject)app.Stub.Channel.KeySet()["keys"]![0]!)["n"]!.GetValue<string>();
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(n)) { KeyId = app.Stub.Channel.KeyId };
    }

    private static void AssertNoInternals(string body)
    {
        Assert.True(body.Length < 512, $"long error body: {body}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", body, StringComparison.Ordinal);
    }
}
