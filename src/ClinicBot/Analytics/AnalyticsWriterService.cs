namespace ClinicBot.Analytics;

/// <summary>Drains the analytics queue into the store, one event at a time; a failed write is logged by type and skipped.</summary>
public sealed partial class AnalyticsWriterService(
    QueuedConversationAnalytics queue,
    IAnalyticsStore store,
    ILogger<AnalyticsWriterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var analyticsEvent in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await store.WriteAsync(analyticsEvent, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWriteFailed(ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics event not stored ({ExceptionType})")]
    private partial void LogWriteFailed(string exceptionType);
}
