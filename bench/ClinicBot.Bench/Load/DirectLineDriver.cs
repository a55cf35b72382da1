using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ClinicBot.Bench.Load;

/// <summary>
/// A Web Chat client on ClinicBot's local Direct Line channel: token from /api/directline/token, start the
/// conversation, then for each message POST it and poll GET activities?watermark= until the bot's reply to
/// it (replyToId = the posted id) is there. The turn's latency is post-to-reply-visible.
/// </summary>
public sealed class DirectLineDriver(HttpClient http, Uri botBase) : ITurnDriver
{
    private const string DefaultBasePath = "v3/directline";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private static readonly int[] PollDelaysMs = [0, 1, 2, 5, 10, 20];

    public async Task<bool> StartAsync(BenchConversation conversation, CancellationToken cancellationToken)
    {
        using (var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(botBase, "api/directline/token")) { Content = JsonBody("{}"u8.ToArray()) })
        using (var tokenResponse = await http.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false))
        {
            if (!tokenResponse.IsSuccessStatusCode)
            {
                return false;
            }

            using var tokenJson = await ReadJsonAsync(tokenResponse, cancellationToken).ConfigureAwait(false);
            conversation.Token = tokenJson.RootElement.GetProperty("token").GetString();
        }

        using (var start = Authorized(HttpMethod.Post, "conversations", conversation))
        using (var started = await http.SendAsync(start, cancellationToken).ConfigureAwait(false))
        {
            if (!started.IsSuccessStatusCode)
            {
                return false;
            }

            using var startJson = await ReadJsonAsync(started, cancellationToken).ConfigureAwait(false);
            conversation.Id = startJson.RootElement.GetProperty("conversationId").GetString()!;
            if (startJson.RootElement.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } refreshed)
            {
                conversation.Token = refreshed;
            }
        }

        // The welcome: the first activity the bot puts into the new conversation.
        return await WaitForAsync(conversation, replyToId: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SendAsync(BenchConversation conversation, string text, CancellationToken cancellationToken)
    {
        string? postedId;
        using (var post = Authorized(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation))
        {
            post.Content = JsonBody(MessageJson(conversation, text));
            using var posted = await http.SendAsync(post, cancellationToken).ConfigureAwait(false);
            if (!posted.IsSuccessStatusCode)
            {
                return false;
            }

            using var postedJson = await ReadJsonAsync(posted, cancellationToken).ConfigureAwait(false);
            postedId = postedJson.RootElement.GetProperty("id").GetString();
        }

        return await WaitForAsync(conversation, postedId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls until a bot activity (replying to <paramref name="replyToId"/> when given) appears.</summary>
    private async Task<bool> WaitForAsync(BenchConversation conversation, string? replyToId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReplyTimeout;
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var delay = PollDelaysMs[Math.Min(attempt, PollDelaysMs.Length - 1)];
            if (delay > 0)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            var path = $"conversations/{conversation.Id}/activities?watermark={Uri.EscapeDataString(conversation.Watermark ?? string.Empty)}";
            using var poll = Authorized(HttpMethod.Get, path, conversation);
            using var response = await http.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var set = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
            {
                conversation.Watermark = watermark.GetString();
            }

            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                // A bot message (typing indicators do not count) answering this turn. POST returns after the
                // turn ran, so any bot message past the watermark without another replyToId belongs to it.
                if (IsBotMessage(activity, conversation) && (replyToId is null || ReplyTo(activity) is null || ReplyTo(activity) == replyToId))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsBotMessage(JsonElement activity, BenchConversation conversation)
    {
        if (!activity.TryGetProperty("type", out var type) || type.GetString() != "message" || !activity.TryGetProperty("from", out var from))
        {
            return false;
        }

        if (from.TryGetProperty("role", out var role) && role.GetString() is { } roleName)
        {
            return roleName == "bot";
        }

        return from.TryGetProperty("id", out var id) && id.GetString() != conversation.UserId;
    }

    private static string? ReplyTo(JsonElement activity) =>
        activity.TryGetProperty("replyToId", out var replyTo) ? replyTo.GetString() : null;

    private HttpRequestMessage Authorized(HttpMethod method, string relativePath, BenchConversation conversation)
    {
        var request = new HttpRequestMessage(method, new Uri(botBase, $"{DefaultBasePath}/{relativePath}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return request;
    }

    private static byte[] MessageJson(BenchConversation conversation, string text)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "message");
            writer.WriteString("text", text);
            writer.WriteString("textFormat", "plain");
            writer.WriteString("locale", "en-US");
            writer.WriteStartObject("from");
            writer.WriteString("id", conversation.UserId);
            writer.WriteString("role", "user");
            writer.WriteEndObject();
            writer.WriteStartObject("channelData");
            writer.WriteString("clientActivityID", conversation.NextActivityId());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return content;
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
