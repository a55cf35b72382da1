using System.Net;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.DirectLine;

/// <summary>A conversation and its history come back after the app restarts (same SQLite file).</summary>
public sealed class ConversationResumeTests : IDisposable
{
    private readonly string _dataFolder = TempFolder.Create("clinicbot-resume");

    public void Dispose() => TempFolder.TryDelete(_dataFolder);

    [Fact]
    public async Task A_token_and_transcript_survive_a_restart()
    {
        string token, conversationId, watermark;
        int activityCount;
        using (var first = new DirectLineAppFactory(_dataFolder))
        {
            var client = new DirectLineTestClient(first.CreateClient());
            await client.StartAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync("remember me", "c-1")).StatusCode);
            (var activities, watermark) = await client.GetActivitiesAsync();
            activityCount = activities.Count;
            token = client.Token;
            conversationId = client.ConversationId;
        }

        using var second = new DirectLineAppFactory(_dataFolder);
        var resumed = new DirectLineTestClient(second.CreateClient()) { Token = token, ConversationId = conversationId };
        var conversation = await DirectLineTestClient.ReadJsonAsync(
            await resumed.SendAsync(HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{conversationId}?watermark="), HttpStatusCode.OK);
        Assert.Equal(conversationId, conversation["conversationId"]!.GetValue<string>());

        var (history, sameWatermark) = await resumed.GetActivitiesAsync();
        Assert.Equal(activityCount, history.Count);
        Assert.Equal(watermark, sameWatermark);
        Assert.Contains(history, a => DirectLineTestClient.Text(a!) == "remember me");
        Assert.Single(DirectLineTestClient.FromBot(history), a => DirectLineTestClient.Text(a)!.Contains("Ketamine Infusion Therapy"));
    }
}
