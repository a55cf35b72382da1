namespace ClinicBot.Analytics;

/// <summary>
/// Anonymous usage counts for the clinic's dashboard. Calls return at once (the work is queued), never
/// throw into the turn, and keep no raw conversation id, name, phone or email.
/// </summary>
public interface IConversationAnalytics
{
    Task RecordTurnAsync(TurnAnalytics turn, CancellationToken ct);

    Task RecordBookingAsync(BookingAnalytics booking, CancellationToken ct);
}

/// <param name="At">When the turn happened.</param>
/// <param name="Channel">The channel id (webchat, msteams, directline, ...).</param>
/// <param name="ConversationId">The raw id; only a keyed hash of it is stored.</param>
/// <param name="Topics">Knowledge topics the bot answered this turn (e.g. "hours", "how-it-works").</param>
/// <param name="CrisisReply">True when the fixed crisis reply was given.</param>
/// <param name="UnansweredQuestion">The user's text when the bot could not answer; phones, emails and long numbers are masked before storing.</param>
public sealed record TurnAnalytics(
    DateTimeOffset At,
    string Channel,
    string ConversationId,
    IReadOnlyList<string> Topics,
    bool CrisisReply,
    string? UnansweredQuestion);

public sealed record BookingAnalytics(DateTimeOffset At, string Channel);
