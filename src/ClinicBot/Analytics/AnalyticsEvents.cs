namespace ClinicBot.Analytics;

/// <summary>What the queue carries to the writer: already hashed and masked, nothing personal.</summary>
public abstract record AnalyticsEvent(DateTimeOffset At, string Channel);

public sealed record TurnEvent(
    DateTimeOffset At,
    string Channel,
    string ConversationHash,
    IReadOnlyList<string> Topics,
    bool CrisisReply,
    string? MaskedQuestion) : AnalyticsEvent(At, Channel);

public sealed record BookingEvent(DateTimeOffset At, string Channel) : AnalyticsEvent(At, Channel);
