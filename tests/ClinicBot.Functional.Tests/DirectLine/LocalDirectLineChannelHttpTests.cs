using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Tests.DirectLine;

/// <summary>The local Direct Line channel over HTTP, through the real app and bot, as Web Chat uses it.</summary>
public sealed class LocalDirectLineChannelHttpTests : IDisposable
{
    private readonly DirectLineAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Starting_a_conversation_gives_a_token_and_user_id_and_the_bot_says_welcome()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        var issued = await client.StartAsync();

        Assert.StartsWith("http://localhost/v3/directline", issued["domain"]!.GetValue<string>());
        Assert.Equal(1800, issued["expires_in"]!.GetValue<int>());

        var (activities, watermark) = await client.GetActivitiesAsync();
        var welcome = Assert.Single(DirectLineTestClient.FromBot(activities));
        Assert.Contains("Ketamine Infusion Therapy", DirectLineTestClient.Text(welcome));
        Assert.Equal(client.ConversationId, welcome["conversation"]!["id"]!.GetValue<string>());
        Assert.StartsWith("dl_", welcome["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task Starting_twice_or_resuming_does_not_repeat_the_welcome()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations")).StatusCode);
        var resumed = await DirectLineTestClient.ReadJsonAsync(
            await client.SendAsync(HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}?watermark=1"), HttpStatusCode.OK);
        Assert.Equal(client.ConversationId, resumed["conversationId"]!.GetValue<string>());

        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Single(DirectLineTestClient.FromBot(activities));
    }

    [Fact]
    public async Task A_posted_message_is_stored_with_a_server_id_echoed_with_its_client_id_and_answered_after_a_typing_indicator()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        var (_, afterWelcome) = await client.GetActivitiesAsync();

        var posted = await DirectLineTestClient.ReadJsonAsync(await client.PostMessageAsync("hello there", "client-42"), HttpStatusCode.OK);
        var id = posted["id"]!.GetValue<string>();
        Assert.StartsWith(client.ConversationId + "|", id);

        var (activities, watermark) = await client.GetActivitiesAsync(afterWelcome);
        Assert.True(long.Parse(watermark) > long.Parse(afterWelcome));
        var echo = activities[0]!;
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-42", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.StartsWith("dl_", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("typing", activities[1]!["type"]!.GetValue<string>());
        Assert.Equal("bot", activities[1]!["from"]!["role"]!.GetValue<string>());
        Assert.NotEmpty(DirectLineTestClient.FromBot(activities));

        var (none, same) = await client.GetActivitiesAsync(watermark);
        Assert.Empty(none);
        Assert.Equal(watermark, same);
    }

    [Fact]
    public async Task A_token_does_not_open_another_conversation()
    {
        var alice = new DirectLineTestClient(_app.CreateClient());
        var bob = new DirectLineTestClient(_app.CreateClient());
        await alice.StartAsync();
        await bob.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetActivitiesResponseAsync(conversationId: bob.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostMessageAsync("hi", conversationId: bob.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.SendAsync(
            HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{bob.ConversationId}")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_403_and_a_refreshed_one_works()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await DirectLineTestClient.ReadJsonAsync(
            await client.SendAsync(HttpMethod.Post, $"{DirectLineTestClient.Base}/tokens/refresh"), HttpStatusCode.OK);
        var oldToken = client.Token;
        client.Token = refreshed["token"]!.GetValue<string>();
        Assert.NotEqual(oldToken, client.Token);

        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(
            HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", token: oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetActivitiesResponseAsync()).StatusCode);

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesResponseAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, $"{DirectLineTestClient.Base}/tokens/refresh")).StatusCode);
    }

    [Fact]
    public async Task Missing_or_forged_tokens_are_refused()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();

        var missing = await client.Http.GetAsync($"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        var parts = client.Token.Split('.');
        var forged = parts[0] + "." + new string('A', parts[1].Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(
            HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", token: forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(
            HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", token: "not-a-token")).StatusCode);
    }

    [Fact]
    public async Task A_message_over_2000_characters_gets_a_clear_reply_and_is_not_stored()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        var (_, watermark) = await client.GetActivitiesAsync();
        var tooLong = "unique-marker " + new string('x', 2000);

        var response = await client.PostMessageAsync(tooLong);
        var error = await DirectLineTestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("MessageTooLong", error["error"]!["code"]!.GetValue<string>());

        var (activities, _) = await client.GetActivitiesAsync(watermark);
        var notice = Assert.Single(activities);
        Assert.Equal("bot", notice!["from"]!["role"]!.GetValue<string>());
        Assert.Contains("too long", DirectLineTestClient.Text(notice));
        Assert.Contains("2,000", DirectLineTestClient.Text(notice));

        Assert.Equal(0, CountRowsContaining("unique-marker"));

        var exactly2000 = new string('y', 2000);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(exactly2000)).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"conversationUpdate\"}")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"nested\":true}}")]
    public async Task Malformed_activities_get_400_with_a_plain_error(string body)
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", JsonNode.Parse(text)!["error"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task A_bad_watermark_or_an_oversized_body_is_refused()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetActivitiesResponseAsync("-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetActivitiesResponseAsync("abc")).StatusCode);

        var huge = new JsonObject { ["type"] = "message", ["text"] = "hi", ["value"] = new string('v', 40_000) }.ToJsonString();
        var response = await client.SendAsync(HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_card_submit_reaches_the_bot_with_its_value_and_postBack_flag()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        var (_, watermark) = await client.GetActivitiesAsync();
        var submit = new JsonObject
        {
            ["type"] = "message",
            ["value"] = new JsonObject { ["action"] = "confirm" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "card-1", ["postBack"] = true, ["secret"] = "dropped" },
        };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(
            HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", submit.ToJsonString())).StatusCode);
        var (activities, _) = await client.GetActivitiesAsync(watermark);
        var echo = activities[0]!;
        Assert.Equal("confirm", echo["value"]!["action"]!.GetValue<string>());
        Assert.True(echo["channelData"]!["postBack"]!.GetValue<bool>());
        Assert.Null(echo["channelData"]!["secret"]);
    }

    private int CountRowsContaining(string marker)
    {
        using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM directline_activities WHERE activity_json LIKE $pattern;";
        command.Parameters.AddWithValue("$pattern", "%" + marker + "%");
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
