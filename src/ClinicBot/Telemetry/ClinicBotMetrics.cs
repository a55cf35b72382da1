using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClinicBot.Telemetry;

/// <summary>
/// The bot's own traces and metrics (meter and activity source "ClinicBot"): turns, replies, crisis replies, bookings,
/// turn errors and turn latency. Counts and channel names only — never text, names, phones or conversation ids.
/// Exported over OTLP when configured (<see cref="TelemetryServiceCollectionExtensions"/>); always readable in-process.
/// </summary>
public sealed class ClinicBotMetrics
{
    public const string Name = "ClinicBot";

    public static readonly ActivitySource Traces = new(Name);

    private readonly Counter<long> _turns;
    private readonly Counter<long> _replies;
    private readonly Counter<long> _crisisReplies;
    private readonly Counter<long> _bookings;
    private readonly Counter<long> _turnErrors;
    private readonly Histogram<double> _turnDuration;

    public ClinicBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _turns = meter.CreateCounter<long>("clinicbot.turns", description: "Incoming activities handled, by channel and activity type");
        _replies = meter.CreateCounter<long>("clinicbot.replies", description: "Message replies sent, by channel");
        _crisisReplies = meter.CreateCounter<long>("clinicbot.crisis_replies", description: "Turns answered with the crisis reply (tier definite) or a check-in (tier possible)");
        _bookings = meter.CreateCounter<long>("clinicbot.bookings", description: "New bookings saved, by channel");
        _turnErrors = meter.CreateCounter<long>("clinicbot.turn_errors", description: "Turns that ended in an error, by channel and exception type");
        _turnDuration = meter.CreateHistogram<double>("clinicbot.turn.duration", unit: "ms", description: "Time from receiving an activity to the end of its turn");
    }

    public void TurnHandled(string channel, string activityType, TimeSpan duration)
    {
        var tags = new TagList { { "channel", channel }, { "activity_type", activityType } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalMilliseconds, tags);
    }

    public void RepliesSent(string channel, int count) => _replies.Add(count, new KeyValuePair<string, object?>("channel", channel));

    public void CrisisReply(string channel, string tier) =>
        _crisisReplies.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("tier", tier));

    public void BookingSaved(string channel) => _bookings.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void TurnFailed(string channel, string exceptionType) =>
        _turnErrors.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("exception", exceptionType));
}
