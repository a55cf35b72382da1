using System.Net.WebSockets;
using System.Text;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The Direct Line WebSocket stream: sends the conversation's activities after the watermark as
/// activity sets, then each new one as soon as it is appended, with an empty message as keep-alive.
/// Whatever the browser sends on the socket is read and ignored (Direct Line's client pings with "").
/// </summary>
public sealed class ActivityStream(ActivityTranscript transcript, ConversationSignals signals)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var received = DrainAsync(socket, closing.Token);
        try
        {
            while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
            {
                var next = signals.Next(conversationId);
                var (activities, newWatermark) = await transcript.ReadAfterAsync(conversationId, watermark, closing.Token);
                if (activities.Count > 0)
                {
                    watermark = newWatermark;
                    await SendAsync(socket, DirectLineEndpoints.ActivitySetJson(activities, watermark), closing.Token);
                    continue;
                }

                var woke = await Task.WhenAny(next, received, Task.Delay(KeepAlive, closing.Token));
                if (woke == received)
                {
                    break;
                }

                if (woke != next)
                {
                    await SendAsync(socket, string.Empty, closing.Token);
                }
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the app is stopping.
        }
        finally
        {
            await closing.CancelAsync();
            signals.Forget(conversationId);
        }
    }

    private static Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
    }
}
