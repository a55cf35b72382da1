using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Tests.Infrastructure;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// Talks to /api/messages of an app instance as a channel does, with deliveryMode expectReplies: the bot's
/// replies come back in the HTTP response (what /api/messages answered, and nothing else).
/// </summary>
public static class BotClient
{
    public static async Task<IReadOnlyList<BotReply>> SayAsync(HttpClient client, string conversationId, string text, CancellationToken cancellationToken = default)
    {
        using var response = await PostAsync(client, conversationId, text, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"/api/messages answered {(int)response.StatusCode} to a message.", null, response.StatusCode);
        }

        return await RepliesAsync(response, cancellationToken);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string text, CancellationToken cancellationToken = default) =>
        client.PostAsJsonAsync("/api/messages", ActivityJson.Message(text, conversationId, expectReplies: true), cancellationToken);

    public static async Task<IReadOnlyList<BotReply>> RepliesAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken))!;
        return ((JsonArray)body["activities"]!).Select(activity => BotReply.From((JsonObject)activity!)).ToList();
    }
}
