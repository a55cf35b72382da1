namespace ClinicBot.Analytics;

/// <summary>
/// Drains the analytics queue into the store, one event at a time; a failed write is logged by type and skipped.
/// On shutdown the events still queued are written before the service stops: the web server has drained its
/// in-flight requests by then (it stops first), so the last turns are counted too. Writing stops
/// <see cref="DrainTimeout"/> after shutdown began (or when the host's shutdown timeout runs out), so a stuck
/// database cannot hold the process.
/// </summary>
public sealed partial class AnalyticsWriterService(
    QueuedConversationAnalytics queue,
    IAnalyticsStore store,
    ILogger<AnalyticsWriterService> logger) : BackgroundService
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    // Not disposed with the service: hosts may call StopAsync after Dispose (test hosts do), and it holds no
    // timer once cancelled.
    private readonly CancellationTokenSource _writeLimit = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var analyticsEvent in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteAsync(analyticsEvent).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        var drained = 0;
        while (!_writeLimit.IsCancellationRequested && queue.Reader.TryRead(out var queued))
        {
            await WriteAsync(queued).ConfigureAwait(false);
            drained++;
        }

        LogDrained(drained, queue.Reader.Count);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _writeLimit.CancelAfter(DrainTimeout);
        cancellationToken.Register(_writeLimit.Cancel);
        return base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(AnalyticsEvent analyticsEvent)
    {
        try
        {
            await store.WriteAsync(analyticsEvent, _writeLimit.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics event not stored ({ExceptionType})")]
    private partial void LogWriteFailed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics queue drained on shutdown: {Written} events written, {Left} left")]
    private partial void LogDrained(int written, int left);
}
