using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicBot.Tests.DirectLine;

/// <summary>Reads what the Direct Line stream (streamUrl) pushes, as Web Chat does.</summary>
public static class DirectLineSocket
{
    /// <summary>The next non-empty activity set on the socket (empty messages are keep-alives); 10 s at most.</summary>
    public static async Task<JsonNode> ReceiveSetAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            if (text.Length > 0)
            {
                return JsonNode.Parse(text.ToString())!;
            }
        }
    }
}
