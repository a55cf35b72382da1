using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure.Postgres;

namespace ClinicBot.Tests.Storage;

/// <summary>The local Direct Line channel on PostgreSQL: two app instances serve one conversation, by polling and by WebSocket.</summary>
public sealed class PostgresDirectLineTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task A_conversation_started_on_one_instance_continues_on_another()
    {
        var settings = PostgresAppSettings.For(_database.ConnectionString);
        using var instanceA = new DirectLineAppFactory(settings: settings);
        using var instanceB = new DirectLineAppFactory(settings: settings);

        var onA = new DirectLineTestClient(instanceA.CreateClient());
        await onA.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await onA.PostMessageAsync("what are your hours", "c-1")).StatusCode);
        var (seenOnA, _) = await onA.GetActivitiesAsync();

        // The load balancer sends the next requests to the other instance: same token, same conversation.
        var onB = new DirectLineTestClient(instanceB.CreateClient()) { Token = onA.Token, ConversationId = onA.ConversationId };
        var (seenOnB, watermarkOnB) = await onB.GetActivitiesAsync();
        Assert.Equal(seenOnA.Select(a => a!.ToJsonString()), seenOnB.Select(a => a!.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, (await onB.PostMessageAsync("where are you located", "c-2")).StatusCode);
        var (after, _) = await onA.GetActivitiesAsync(watermarkOnB);
        Assert.Contains(after, a => DirectLineTestClient.Text(a!) == "where are you located");
        Assert.NotEmpty(DirectLineTestClient.FromBot(after));

        var sequences = _database.Query($"SELECT sequence FROM directline_activities WHERE conversation_id = '{onA.ConversationId}' ORDER BY sequence")
            .Select(row => (long)row["sequence"]!).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [SkippableFact]
    public async Task A_websocket_on_one_instance_gets_replies_to_messages_posted_on_another_without_waiting_for_the_keep_alive()
    {
        var settings = PostgresAppSettings.For(_database.ConnectionString);
        using var instanceA = new DirectLineAppFactory(settings: settings);
        using var instanceB = new DirectLineAppFactory(settings: settings);
        var onA = new DirectLineTestClient(instanceA.CreateClient());
        await onA.StartAsync();
        var streamUrl = new Uri(instanceA.Server.BaseAddress, $"{DirectLineTestClient.Base}/conversations/{onA.ConversationId}/stream?t={Uri.EscapeDataString(onA.Token)}");
        using var socket = await instanceA.Server.CreateWebSocketClient().ConnectAsync(new UriBuilder(streamUrl) { Scheme = "ws" }.Uri, CancellationToken.None);
        await DirectLineSocket.ReceiveSetAsync(socket); // the backlog (the welcome)

        var onB = new DirectLineTestClient(instanceB.CreateClient()) { Token = onA.Token, ConversationId = onA.ConversationId };
        Assert.Equal(HttpStatusCode.OK, (await onB.PostMessageAsync("what are your hours", "ws-1")).StatusCode);

        // The stream's keep-alive re-read is 20 s away; only the cross-instance notification can bring these sooner.
        var seen = new List<JsonNode>();
        while (!seen.Any(a => a["from"]!["role"]!.GetValue<string>() == "bot" && a["type"]!.GetValue<string>() == "message"))
        {
            seen.AddRange((await DirectLineSocket.ReceiveSetAsync(socket))["activities"]!.AsArray()!);
        }

        Assert.Equal("ws-1", seen[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
