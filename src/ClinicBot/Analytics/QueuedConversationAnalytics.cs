using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ClinicBot.Analytics.Redaction;

namespace ClinicBot.Analytics;

/// <summary>
/// The bot-facing analytics: hashes (and, only when a redactor is given — Staff:KeepUnansweredQuestions — redacts
/// the unanswered question; otherwise no text is kept) on the caller's thread, then hands the event to a
/// bounded queue drained by <see cref="AnalyticsWriterService"/>. When the queue is full the event is
/// dropped: counts may be a little low under overload, but a turn never waits on the database.
/// </summary>
public sealed partial class QueuedConversationAnalytics : IConversationAnalytics
{
    public const int Capacity = 2000;

    private readonly Channel<AnalyticsEvent> _queue = Channel.CreateBounded<AnalyticsEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConversationHasher _hasher;
    private readonly ILogger<QueuedConversationAnalytics> _logger;
    private readonly UnansweredQuestionRedactor? _redactor;

    public QueuedConversationAnalytics(ConversationHasher hasher, ILogger<QueuedConversationAnalytics> logger, UnansweredQuestionRedactor? redactor = null)
    {
        _hasher = hasher;
        _logger = logger;
        _redactor = redactor;
    }

    public ChannelReader<AnalyticsEvent> Reader => _queue.Reader;

    public Task RecordTurnAsync(TurnAnalytics turn, CancellationToken ct)
    {
        try
        {
            var topics = (turn.Topics ?? [])
                .Where(topic => !string.IsNullOrWhiteSpace(topic))
                .Select(topic => topic.Trim().ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var question = _redactor is null || string.IsNullOrWhiteSpace(turn.UnansweredQuestion) ? null : _redactor.Redact(turn.UnansweredQuestion);
            Enqueue(new TurnEvent(turn.At, ChannelName(turn.Channel), _hasher.Hash(turn.ConversationId ?? string.Empty), topics, turn.CrisisReply, question));
        }
        catch (Exception ex)
        {
            LogRecordFailed(ex.GetType().Name);
        }

        return Task.CompletedTask;
    }

    public Task RecordBookingAsync(BookingAnalytics booking, CancellationToken ct)
    {
        try
        {
            Enqueue(new BookingEvent(booking.At, ChannelName(booking.Channel)));
        }
        catch (Exception ex)
        {
            LogRecordFailed(ex.GetType().Name);
        }

        return Task.CompletedTask;
    }

    private void Enqueue(AnalyticsEvent analyticsEvent)
    {
        if (!_queue.Writer.TryWrite(analyticsEvent))
        {
            LogDropped();
        }
    }

    private static string ChannelName(string? channel) =>
        string.IsNullOrWhiteSpace(channel) ? "unknown" : channel.Trim().ToLowerInvariant()[..Math.Min(channel.Trim().Length, 40)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics could not record an event ({ExceptionType}); the turn is unaffected")]
    private partial void LogRecordFailed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics queue full; an event was dropped")]
    private partial void LogDropped();
}

/// <summary>A keyed hash of the conversation id, so days can count distinct conversations without storing ids.</summary>
public sealed class ConversationHasher
{
    private readonly byte[] _key;

    public ConversationHasher(byte[] key)
    {
        _key = key;
    }

    /// <summary>A random key per process start: hashes only need to match within a day's turns of one run.</summary>
    public static ConversationHasher CreateRandom() => new(RandomNumberGenerator.GetBytes(32));

    public string Hash(string conversationId) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(conversationId)), 0, 12);
}
