using System.Net;
using System.Text.Json.Nodes;
using ClinicBot.Testing.Hosting;
using ClinicBot.Tests.DirectLine;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// Direct Line tokens used to refresh for ever. A token now carries when its conversation started; refreshing stops
/// at DirectLine:MaxConversationAge and no token outlives it. The app's clock is a FakeTimeProvider.
/// </summary>
public sealed class ConversationMaxAgeTests
{
    private static readonly string Refresh = $"{DirectLineTestClient.Base}/tokens/refresh";

    [Fact]
    public async Task Refreshed_tokens_never_outlive_the_conversations_maximum_age_and_then_refresh_is_refused()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?> { ["DirectLine:MaxConversationAge"] = "01:00:00" });
        var client = new DirectLineTestClient(app.CreateClient());
        await client.StartAsync();

        var lifetimes = new List<int>();
        foreach (var minutes in new[] { 25, 25, 9 })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(minutes));
            var refreshed = await RefreshAsync(client, HttpStatusCode.OK);
            lifetimes.Add(refreshed["expires_in"]!.GetValue<int>());
        }

        // The token's times are whole seconds and the clock is not, hence a second's slack.
        Assert.Equal(1800, lifetimes[0]);
        Assert.InRange(lifetimes[1], 599, 600);
        Assert.InRange(lifetimes[2], 59, 60);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, Refresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostMessageAsync("still here?")).StatusCode);
    }

    [Fact]
    public async Task A_live_token_of_a_conversation_older_than_a_newly_lowered_maximum_is_not_refreshed()
    {
        var dataFolder = TempFolder.Create("clinicbot-max-age");
        using var cleanup = new FolderCleanup(dataFolder);
        DirectLineTestClient client;
        using (var before = new DirectLineAppFactory(dataFolder))
        {
            client = new DirectLineTestClient(before.CreateClient());
            await client.StartAsync();
        }

        // Restarted with a 10-minute maximum; the 30-minute token issued before is still valid 15 minutes later.
        using var after = new DirectLineAppFactory(dataFolder, new Dictionary<string, string?> { ["DirectLine:MaxConversationAge"] = "00:10:00" });
        after.Clock.Advance(TimeSpan.FromMinutes(15));
        var restarted = new DirectLineTestClient(after.CreateClient()) { Token = client.Token, ConversationId = client.ConversationId };
        Assert.Equal(HttpStatusCode.OK, (await restarted.GetActivitiesResponseAsync()).StatusCode);

        var refused = await restarted.SendAsync(HttpMethod.Post, Refresh);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await DirectLineTestClient.ReadJsonAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("ConversationTooOld", error["error"]!["code"]!.GetValue<string>());
    }

    private sealed class FolderCleanup(string folder) : IDisposable
    {
        public void Dispose() => TempFolder.TryDelete(folder);
    }

    private static async Task<JsonObject> RefreshAsync(DirectLineTestClient client, HttpStatusCode expected)
    {
        var refreshed = await DirectLineTestClient.ReadJsonAsync(await client.SendAsync(HttpMethod.Post, Refresh), expected);
        client.Token = refreshed["token"]!.GetValue<string>();
        return refreshed;
    }
}
