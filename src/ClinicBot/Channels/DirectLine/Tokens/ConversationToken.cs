namespace ClinicBot.Channels.DirectLine.Tokens;

/// <summary>What a local Direct Line token grants: one conversation, as one user, until it expires.</summary>
public sealed record ConversationToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

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
