using ClinicBot.Analytics;
using ClinicBot.Booking.Store;
using ClinicBot.Telemetry;

namespace ClinicBot.Notifications;

/// <summary>
/// Decorates the booking store: after a NEW booking is saved (not a retried delivery), counts it for the
/// dashboard and the metrics and notifies staff in the background. Neither can fail or delay the save.
/// </summary>
public sealed partial class BookingEventsStore(
    IBookingStore inner,
    IConversationAnalytics analytics,
    IBookingNotifier notifier,
    ClinicBotMetrics metrics,
    TimeProvider time,
    ILogger<BookingEventsStore> logger) : IBookingStore
{
    private readonly ILogger<BookingEventsStore> _logger = logger;

    public async Task<BookingSaveResult> SaveAsync(BookingRequest request, CancellationToken ct)
    {
        var result = await inner.SaveAsync(request, ct).ConfigureAwait(false);
        if (result.Created)
        {
            await analytics.RecordBookingAsync(new BookingAnalytics(request.CreatedAt, request.Channel), CancellationToken.None).ConfigureAwait(false);
            metrics.BookingSaved(request.Channel);
            _ = NotifyInBackgroundAsync(result.Reference);
        }

        return result;
    }

    public Task<IReadOnlyList<BookingRecord>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    private async Task NotifyInBackgroundAsync(string reference)
    {
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
            await notifier.NotifyNewBookingAsync(reference, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogNotifyFailed(ex.GetType().Name, reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff notification failed ({ExceptionType}) for booking {Reference}")]
    private partial void LogNotifyFailed(string exceptionType, string reference);
}
