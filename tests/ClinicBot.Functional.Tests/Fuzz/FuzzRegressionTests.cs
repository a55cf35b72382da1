using System.Net;
using System.Text;
using ClinicBot.Tests.ChannelAuth;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Fuzz;

/// <summary>Cases the fuzzer found (each was a 500), kept as plain regression tests.</summary>
public sealed class FuzzRegressionTests(ChannelAuthApp app) : IClassFixture<ChannelAuthApp>
{
    private const string ExpectRepliesMessage =
        "{\"type\":\"message\",\"text\":\"cancel\",\"channelId\":\"webchat\",\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"},\"conversation\":{\"id\":\"c-regression\"},\"deliveryMode\":\"expectReplies\"";

    [Theory]
    [InlineData(",\"serviceUrl\":\"http://127.0.0.1:99999/\"}")]
    [InlineData(",\"serviceUrl\":null}")]
    [InlineData("}")]
    [InlineData(",\"serviceUrl\":\"javascript:alert(1)\"}")]
    public async Task An_expectReplies_activity_without_a_usable_serviceUrl_gets_400(string ending)
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);

        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(ExpectRepliesMessage + ending, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("composeExtension/query")]
    public async Task An_invoke_no_handler_knows_gets_400_not_the_sdks_501(string name)
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        var body = $"{{\"type\":\"invoke\",\"name\":\"{name}\",\"channelId\":\"webchat\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{{\"id\":\"u\"}},\"recipient\":{{\"id\":\"b\"}},\"conversation\":{{\"id\":\"c-invoke\"}}}}";

        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not supported", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Found by the fuzzer as a turn error (the SDK's member dispatch dereferenced the null entry).</summary>
    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public async Task A_conversation_update_listing_a_null_member_gets_400_and_no_turn(string list)
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        var body = $"{{\"type\":\"conversationUpdate\",\"channelId\":\"webchat\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\",\"from\":{{\"id\":\"u\"}},\"recipient\":{{\"id\":\"b\"}},\"conversation\":{{\"id\":\"c-members\"}},\"{list}\":[{{\"id\":\"u\"}},null]}}";

        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(list, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"type\":{\"id\":1e400},\"text\":\"hi\"}")]
    [InlineData("{\"type\":[\"message\"],\"text\":\"hi\"}")]
    public async Task Direct_Line_refuses_a_non_string_activity_type_with_400(string body)
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        var directLine = new DirectLine.DirectLineTestClient(factory.CreateClient());
        await directLine.StartAsync();

        var response = await directLine.SendAsync(HttpMethod.Post, $"{DirectLine.DirectLineTestClient.Base}/conversations/{directLine.ConversationId}/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The SDK skips the serviceurl claim check when the activity has no serviceUrl; the endpoint refuses such activities first.</summary>
    [Fact]
    public async Task A_valid_channel_token_with_a_null_serviceUrl_gets_400_and_no_turn()
    {
        var activity = app.Message($"regression-{Guid.NewGuid():N}", expectReplies: true);
        activity["serviceUrl"] = null;

        var response = await app.PostAsync(activity, ChannelAuthApp.Bearer(app.ValidToken(app.Sink.ServiceUrl)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, app.StateRowsFor(activity["conversation"]!["id"]!.GetValue<string>()));
    }
}
