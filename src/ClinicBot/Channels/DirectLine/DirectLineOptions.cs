namespace ClinicBot.Channels.DirectLine;

/// <summary>Settings of the "DirectLine" configuration section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Azure Bot Service Direct Line secret. When set, /api/directline/token exchanges it for a
    /// conversation token from Azure (production mode); when empty the embedded local channel is used.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Azure Direct Line base URL; tests point it at a loopback stub.</summary>
    public string Endpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>
    /// Base64 HMAC key for local tokens (at least 32 bytes). When empty, a key is generated once and
    /// kept in the app's SQLite database so tokens survive restarts.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A conversation's longest life: its tokens are not refreshed past this age (counted from the first token), so
    /// a leaked token cannot be kept alive for ever; the visitor starts a new conversation.
    /// </summary>
    public TimeSpan MaxConversationAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest message text accepted, in characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Largest request body accepted on the channel, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 32 * 1024;

    /// <summary>Conversations idle longer than this many minutes are deleted with their transcript.</summary>
    public int TranscriptRetentionMinutes { get; set; } = 60;

    /// <summary>How often the transcript purge runs.</summary>
    public int TranscriptPurgeIntervalMinutes { get; set; } = 5;

    public TimeSpan TranscriptRetention => TimeSpan.FromMinutes(Math.Max(1, TranscriptRetentionMinutes));

    /// <summary>
    /// Offer the WebSocket stream (streamUrl), so replies show as soon as the bot sends them. When off,
    /// Web Chat polls every <see cref="PollingIntervalMilliseconds"/>.
    /// </summary>
    public bool EnableWebSocket { get; set; } = true;

    /// <summary>How often Web Chat polls for new activities (Direct Line's lower bound is 200 ms).</summary>
    public int PollingIntervalMilliseconds { get; set; } = 500;

    public DirectLineRateLimitOptions RateLimits { get; set; } = new();

    public bool UsesAzure => !string.IsNullOrWhiteSpace(Secret);
}

/// <summary>Fixed-window limits; every window is one minute unless WindowSeconds says otherwise.</summary>
public sealed class DirectLineRateLimitOptions
{
    public int WindowSeconds { get; set; } = 60;

    /// <summary>All channel and token requests from one IP address.</summary>
    public int RequestsPerAddress { get; set; } = 600;

    /// <summary>New conversations (token requests) from one IP address.</summary>
    public int ConversationsPerAddress { get; set; } = 20;

    /// <summary>Messages posted with one conversation's token.</summary>
    public int MessagesPerConversation { get; set; } = 30;

    /// <summary>Reads (polls, resumes, refreshes) with one conversation's token.</summary>
    public int ReadsPerConversation { get; set; } = 300;
}
