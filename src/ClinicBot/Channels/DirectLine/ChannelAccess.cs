using ClinicBot.Channels.DirectLine.RateLimiting;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Checks a channel request's bearer token: missing or malformed 401; expired, forged, or for another
/// conversation 403; a forgotten conversation 404; over its conversation's rate limit 429.
/// </summary>
public sealed class ChannelAccess(ConversationTokenService tokens, TranscriptStore store, DirectLineRateLimits limits, TimeProvider time)
{
    public sealed record Result(IResult? Failure, ConversationToken? Grant, string? TokenValue, DirectLineConversation? Conversation)
    {
        public int ExpiresInSeconds { get; init; }
    }

    /// <param name="tokenFromQuery">Only for the WebSocket stream, whose URL carries the token (browsers cannot set headers on it).</param>
    public async Task<Result> AuthorizeAsync(
        HttpContext context, string? conversationId, ConversationRequestKind kind, CancellationToken cancellationToken, bool tokenFromQuery = false)
    {
        var value = tokenFromQuery ? context.Request.Query["t"].ToString() : ConversationTokenService.ReadBearer(context.Request);
        var validation = await tokens.ValidateAsync(value, cancellationToken);
        switch (validation.Status)
        {
            case TokenStatus.Missing:
                return Fail(StatusCodes.Status401Unauthorized, "TokenMissing", "A conversation token is required.");
            case TokenStatus.Expired:
                return Fail(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");
            case TokenStatus.Invalid:
                return Fail(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not valid.");
        }

        var grant = validation.Token!;
        if (conversationId is not null && !string.Equals(conversationId, grant.ConversationId, StringComparison.Ordinal))
        {
            return Fail(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation.");
        }

        using var lease = limits.AcquireForConversation(grant.ConversationId, kind);
        if (!lease.IsAcquired)
        {
            return new Result(DirectLineRateLimits.TooManyRequests(lease, context), null, null, null);
        }

        var conversation = await store.FindConversationAsync(grant.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Fail(StatusCodes.Status404NotFound, "BadArgument", "The conversation no longer exists.");
        }

        return new Result(null, grant, value, conversation)
        {
            ExpiresInSeconds = Math.Max(0, (int)(grant.ExpiresAt - time.GetUtcNow()).TotalSeconds),
        };
    }

    private static Result Fail(int status, string code, string message) =>
        new(DirectLineEndpoints.Error(status, code, message), null, null, null);
}
