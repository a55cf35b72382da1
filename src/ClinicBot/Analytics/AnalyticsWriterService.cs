namespace ClinicBot.Analytics;

/// <summary>
/// Drains the analytics queue into the store, one event at a time; a failed write is logged by type and skipped.
/// On shutdown the events still queued are written before the service stops: the web server has drained its
/// in-flight requests by then (it stops first), so the last turns are counted too. The host's shutdown
/// timeout bounds that drain.
/// </summary>
public sealed partial class AnalyticsWriterService(
    QueuedConversationAnalytics queue,
    IAnalyticsStore store,
    ILogger<AnalyticsWriterService> logger) : BackgroundService
{
    private CancellationToken _drainLimit = CancellationToken.None;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var analyticsEvent in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteAsync(analyticsEvent, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        var drainToken = _drainLimit;
        var drained = 0;
        while (!drainToken.IsCancellationRequested && queue.Reader.TryRead(out var queued))
        {
            await WriteAsync(queued, drainToken).ConfigureAwait(false);
            drained++;
        }

        LogDrained(drained);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // The host cancels this token when its shutdown timeout runs out: stop draining then.
        _drainLimit = cancellationToken;
        return base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(analyticsEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(ex.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            LogWriteFailed(nameof(OperationCanceledException));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics event not stored ({ExceptionType})")]
    private partial void LogWriteFailed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics queue drained on shutdown ({Count} events)")]
    private partial void LogDrained(int count);
}
