using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Http;

public sealed class MessagesEndpointTests : IClassFixture<DefaultClinicBotApp>
{
    private readonly DefaultClinicBotApp _factory;

    public MessagesEndpointTests(DefaultClinicBotApp factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Expect_replies_returns_the_bots_replies_in_the_response_body()
    {
        var client = _factory.CreateClient();

        var response = await ActivityJson.PostAsync(client, ActivityJson.MembersAdded("conv-expect", null, expectReplies: true, "user-1"));
        var replies = await ActivityJson.RepliesAsync(response);

        var welcome = Assert.Single(replies);
        Assert.Equal("message", (string?)welcome!["type"]);
        Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", (string?)welcome["text"]);
        Assert.NotEmpty(welcome["suggestedActions"]!["actions"]!.AsArray());
    }

    [Fact]
    public async Task Replies_go_to_the_channels_service_url_like_a_real_channel()
    {
        await using var sink = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        var response = await ActivityJson.PostAsync(client, ActivityJson.MembersAdded("conv-sink", sink.ServiceUrl, expectReplies: false, "user-1"));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        var received = await sink.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var reply = Assert.Single(received);
        Assert.Equal("conv-sink", (string?)reply["conversation"]!["id"]);
        Assert.Equal("user-1", (string?)reply["recipient"]!["id"]);
        Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", (string?)reply["text"]);
    }

    [Theory]
    [InlineData("{\"type\":", "not a valid activity")]
    [InlineData("[1,2,3]", "not a valid activity")]
    [InlineData("\"hello\"", "not a valid activity")]
    [InlineData("{\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no 'type'")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no 'conversation.id'")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"}}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"not an object\",\"serviceUrl\":\"http://127.0.0.1:9/\"}", "not a valid activity")]
    public async Task Malformed_bodies_get_400_with_a_short_message_and_no_stack_trace(string body, string expectedProblem)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expectedProblem, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var client = _factory.CreateClient();
        var activity = ActivityJson.Message(new string('a', 300 * 1024), "conv-big", expectReplies: true);

        var response = await ActivityJson.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_without_content_length_gets_413()
    {
        var client = _factory.CreateClient();
        var json = ActivityJson.Message(new string('a', 300 * 1024), "conv-big-chunked", expectReplies: true).ToJsonString();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_non_json_content_type_gets_415()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Rejected_bodies_write_nothing_to_state()
    {
        var client = _factory.CreateClient();
        var before = await CountStateRowsAsync();

        await client.PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c-bad\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(before, await CountStateRowsAsync());
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    private Task<long> CountStateRowsAsync() => Task.FromResult(SqliteRows.Count(_factory.DatabasePath, "bot_state"));
}
