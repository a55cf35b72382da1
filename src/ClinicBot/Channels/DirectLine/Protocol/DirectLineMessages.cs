using System.Text.Json.Serialization;

namespace ClinicBot.Channels.DirectLine.Protocol;

/// <summary>Answer to starting, resuming or refreshing a conversation (Direct Line 3.0 "Conversation").</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>Answer of /api/directline/token: where Web Chat connects and with which token.</summary>
public sealed record WebChatTokenResponse(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("pollingInterval")] int PollingInterval,
    [property: JsonPropertyName("webSocket")] bool WebSocket);

/// <summary>Answer to posting an activity (Direct Line "ResourceResponse").</summary>
public sealed record ActivityIdResponse([property: JsonPropertyName("id")] string Id);

/// <summary>Direct Line error body: { "error": { "code", "message" } }.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail Error)
{
    public static ErrorResponse Of(string code, string message) => new(new ErrorDetail(code, message));
}

public sealed record ErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
