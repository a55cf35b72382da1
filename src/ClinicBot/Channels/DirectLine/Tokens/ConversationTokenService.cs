using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicBot.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine.Tokens;

/// <summary>
/// Issues and checks local Direct Line tokens: base64url(JSON grant) "." base64url(HMAC-SHA256 of it),
/// signed with a server key, so a token opens only its own conversation and only until it expires.
/// </summary>
public sealed class ConversationTokenService(
    SigningKeyStore keys,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    private const int MaxTokenLength = 1024;

    /// <summary>A token for a conversation that starts now.</summary>
    public Task<IssuedToken> IssueAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        IssueAsync(conversationId, userId, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// A token for the conversation of <paramref name="grant"/>, or null when that conversation is older than
    /// <see cref="DirectLineOptions.MaxConversationAge"/> (a refresh is refused then).
    /// </summary>
    public async Task<IssuedToken?> RefreshAsync(ConversationToken grant, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= grant.StartedAt + options.Value.MaxConversationAge)
        {
            return null;
        }

        return await IssueAsync(grant.ConversationId, grant.UserId, grant.StartedAt, cancellationToken);
    }

    private async Task<IssuedToken> IssueAsync(string conversationId, string userId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A token never outlives its conversation's maximum age.
        var expiresAt = Min(now.Add(options.Value.TokenLifetime), startedAt + options.Value.MaxConversationAge);
        var grant = new ConversationToken(conversationId, userId, expiresAt, startedAt);

        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(conversationId, userId, expiresAt.ToUnixTimeSeconds(), startedAt.ToUnixTimeSeconds()));
        var payloadPart = Base64Url.EncodeToString(payload);
        var signature = await SignAsync(payloadPart, cancellationToken);
        return new IssuedToken($"{payloadPart}.{Base64Url.EncodeToString(signature)}", grant, (int)(expiresAt - now).TotalSeconds);
    }

    public async Task<TokenValidation> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return TokenValidation.Fail(TokenStatus.Missing);
        }

        var parts = token.Split('.');
        if (token.Length > MaxTokenLength || parts.Length != 2
            || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return TokenValidation.Fail(TokenStatus.Invalid);
        }

        var expected = await SignAsync(parts[0], cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[1])))
        {
            return TokenValidation.Fail(TokenStatus.Invalid);
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (JsonException)
        {
            return TokenValidation.Fail(TokenStatus.Invalid);
        }

        if (payload is null || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.U))
        {
            return TokenValidation.Fail(TokenStatus.Invalid);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (expiresAt <= time.GetUtcNow())
        {
            return TokenValidation.Fail(TokenStatus.Expired);
        }

        // Tokens issued before conversations carried their start count from when they were issued.
        var startedAt = payload.S is { } started
            ? DateTimeOffset.FromUnixTimeSeconds(started)
            : expiresAt - options.Value.TokenLifetime;
        return new TokenValidation(TokenStatus.Valid, new ConversationToken(payload.C, payload.U, expiresAt, startedAt));
    }

    /// <summary>Reads the bearer token of a request, if any.</summary>
    public static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    private async Task<byte[]> SignAsync(string payloadPart, CancellationToken cancellationToken)
    {
        var key = await keys.GetKeyAsync(options.Value.TokenSigningKey, cancellationToken);
        return HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payloadPart));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>C conversation, U user, Exp expiry, S when the conversation started (Unix seconds).</summary>
    private sealed record TokenPayload(string C, string U, long Exp, long? S);
}
