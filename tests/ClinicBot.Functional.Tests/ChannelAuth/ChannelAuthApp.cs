using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.ChannelAuth;

/// <summary>
/// The real app in the Production environment with a MicrosoftAppId, so anonymous mode is off, and the
/// SDK's channel authentication pointed at <see cref="OpenIdMetadataStub"/>. Every other auth setting is
/// the public-cloud value the SDK uses when none is configured; production configuration is unchanged.
/// The activity's serviceUrl is a <see cref="ChannelSink"/>, which records anything the bot posts.
/// </summary>
public sealed class ChannelAuthApp : IAsyncLifetime
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EndorsedChannel = "webchat";

    /// <summary>The Bot Framework emulator/AAD issuer the SDK routes to the emulator metadata.</summary>
    public const string EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    public string AppId { get; } = Guid.NewGuid().ToString();

    public OpenIdMetadataStub Stub { get; private set; } = null!;

    public ChannelSink Sink { get; private set; } = null!;

    public ClinicBotAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stub = await OpenIdMetadataStub.StartAsync(EndorsedChannel, "msteams");
        Sink = await ChannelSink.StartAsync();
        SdkOpenIdMetadataCache.AllowHttp(Stub.ChannelMetadataUrl);
        SdkOpenIdMetadataCache.AllowHttp(Stub.EmulatorMetadataUrl);
        Factory = new ClinicBotAppFactory(dataFolder: null, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-only-password",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Stub.ChannelMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = Stub.EmulatorMetadataUrl,
            // Setting either metadata URL switches the SDK to its parameterized authentication, which then
            // needs every value PublicCloudBotFrameworkAuthentication would otherwise supply.
            ["ToBotFromChannelTokenIssuer"] = ChannelIssuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/{0}",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
            ["CallerId"] = "urn:botframework:azure",
        });
        Client = Factory.CreateClient();
    }

    /// <summary>A token the channel would send for an activity posted with <paramref name="serviceUrl"/>.</summary>
    public ChannelTokenSpec ValidSpec(string serviceUrl) =>
        new(ChannelIssuer, AppId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(30));

    public string ValidToken(string serviceUrl) => ChannelTokens.Sign(ValidSpec(serviceUrl), Stub.Channel.SigningKey);

    public JsonObject Message(string conversationId, string text = "What does a consultation cost?", bool expectReplies = false) =>
        ActivityJson.Message(text, conversationId, Sink.ServiceUrl, expectReplies, channelId: EndorsedChannel);

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>bot_state rows the bot wrote for a conversation (0 when the turn never ran).</summary>
    public long StateRowsFor(string conversationId)
    {
        if (SqliteRows.Count(Factory.DatabasePath, "bot_state") == 0)
        {
            return 0;
        }

        return (long)SqliteRows.Query(Factory.DatabasePath, $"SELECT COUNT(*) AS n FROM bot_state WHERE key LIKE '%{conversationId}%'")[0]["n"]!;
    }

    public static string Bearer(string token) => new AuthenticationHeaderValue("Bearer", token).ToString();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Sink.DisposeAsync();
        await Stub.DisposeAsync();
    }

    internal SecurityKey PublishedChannelKey => Stub.Channel.SigningKey;
}
