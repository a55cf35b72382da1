namespace ClinicBot.Channels.DirectLine.Tokens;

/// <summary>
/// What a local Direct Line token grants: one conversation, as one user, until it expires. <paramref name="StartedAt"/>
/// is when the conversation began; refreshed tokens carry it on, so a conversation's age is known without a lookup.
/// </summary>
public sealed record ConversationToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt, DateTimeOffset StartedAt);

public enum TokenStatus
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

public sealed record TokenValidation(TokenStatus Status, ConversationToken? Token)
{
    public static TokenValidation Fail(TokenStatus status) => new(status, null);
}

/// <summary>A token string and how long it lives.</summary>
public sealed record IssuedToken(string Value, ConversationToken Grant, int ExpiresInSeconds);
