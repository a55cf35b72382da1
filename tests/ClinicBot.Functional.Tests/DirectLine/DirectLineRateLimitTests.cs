using System.Net;

namespace ClinicBot.Tests.DirectLine;

/// <summary>Per-token and per-address limits answer 429 with Retry-After.</summary>
public sealed class DirectLineRateLimitTests
{
    [Fact]
    public async Task Messages_over_the_per_conversation_limit_get_429_with_retry_after_and_other_conversations_are_unaffected()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?>
        {
            ["DirectLine:RateLimits:MessagesPerConversation"] = "2",
        });
        var busy = new DirectLineTestClient(app.CreateClient());
        var other = new DirectLineTestClient(app.CreateClient());
        await busy.StartAsync();
        await other.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await busy.PostMessageAsync("one")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.PostMessageAsync("two")).StatusCode);
        var refused = await busy.PostMessageAsync("three");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await other.PostMessageAsync("hello")).StatusCode);

        var (activities, _) = await busy.GetActivitiesAsync();
        Assert.DoesNotContain(activities, a => DirectLineTestClient.Text(a!) == "three");
    }

    [Fact]
    public async Task Requests_over_the_per_address_limit_get_429_with_retry_after()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?>
        {
            ["DirectLine:RateLimits:RequestsPerAddress"] = "5",
        });
        var client = new DirectLineTestClient(app.CreateClient());
        await client.StartAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.GetActivitiesResponseAsync();
            statuses.Add(last.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task New_conversations_from_one_address_are_limited()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?>
        {
            ["DirectLine:RateLimits:ConversationsPerAddress"] = "3",
        });
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await http.PostAsync("/api/directline/token", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
