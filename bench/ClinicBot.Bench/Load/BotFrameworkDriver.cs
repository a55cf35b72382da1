using System.Net.Http.Headers;

namespace ClinicBot.Bench.Load;

/// <summary>
/// A Bot Framework channel posting to /api/messages with a serviceUrl for replies. CloudAdapter sends the
/// turn's replies before it answers the POST, so the POST round trip is the turn's latency.
/// </summary>
public sealed class BotFrameworkDriver(HttpClient http, Uri messagesUri, string serviceUrl) : ITurnDriver
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<bool> StartAsync(BenchConversation conversation, CancellationToken cancellationToken) =>
        PostAsync(ActivityJson.ConversationUpdate(conversation, conversation.NextActivityId(), serviceUrl), cancellationToken);

    public Task<bool> SendAsync(BenchConversation conversation, string text, CancellationToken cancellationToken) =>
        PostAsync(ActivityJson.Message(conversation, conversation.NextActivityId(), text, serviceUrl), cancellationToken);

    private async Task<bool> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(messagesUri, content, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
