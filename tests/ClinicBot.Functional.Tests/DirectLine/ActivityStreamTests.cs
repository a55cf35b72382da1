using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicBot.Tests.DirectLine;

/// <summary>The Direct Line WebSocket stream: backlog after the watermark, then new activities as they come.</summary>
public sealed class ActivityStreamTests : IDisposable
{
    private readonly DirectLineAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_stream_sends_the_backlog_then_each_new_turn_as_it_happens()
    {
        var client = new DirectLineTestClient(_app.CreateClient());
        await client.StartAsync();
        var started = await DirectLineTestClient.ReadJsonAsync(
            await client.SendAsync(HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}?watermark="), HttpStatusCode.OK);
        var streamUrl = new Uri(started["streamUrl"]!.GetValue<string>());
        Assert.Equal("ws", streamUrl.Scheme);

        using var socket = await _app.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None);
        var backlog = await DirectLineSocket.ReceiveSetAsync(socket);
        Assert.Single(DirectLineTestClient.FromBot(backlog["activities"]!.AsArray()));
        Assert.Equal("1", backlog["watermark"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync("streamed hello", "s-1")).StatusCode);
        var seen = new List<JsonNode>();
        while (!seen.Any(a => a["from"]!["role"]!.GetValue<string>() == "bot" && a["type"]!.GetValue<string>() == "message"))
        {
            seen.AddRange((await DirectLineSocket.ReceiveSetAsync(socket))["activities"]!.AsArray()!);
        }

        Assert.Equal("s-1", seen[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Another_conversations_token_cannot_open_the_stream()
    {
        var alice = new DirectLineTestClient(_app.CreateClient());
        var bob = new DirectLineTestClient(_app.CreateClient());
        await alice.StartAsync();
        await bob.StartAsync();

        var url = new Uri(_app.Server.BaseAddress, $"{DirectLineTestClient.Base}/conversations/{bob.ConversationId}/stream?t={Uri.EscapeDataString(alice.Token)}");
        var ws = new UriBuilder(url) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAnyAsync<Exception>(() => _app.Server.CreateWebSocketClient().ConnectAsync(ws, CancellationToken.None));

        var plain = await alice.SendAsync(HttpMethod.Get, $"{DirectLineTestClient.Base}/conversations/{alice.ConversationId}/stream?t={Uri.EscapeDataString(alice.Token)}");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
    }
}
