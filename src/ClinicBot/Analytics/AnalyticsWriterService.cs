namespace ClinicBot.Analytics;

/// <summary>
/// Drains the analytics queue into the store in batches: every event already queued, up to
/// <see cref="BatchSize"/>, goes in one transaction. If a batch fails, its events are written one by one, so a
/// bad event loses only itself; a failed write is logged by exception type only.
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

    /// <summary>
    /// Most events per transaction. A batch holds the database's write gate, which bot-state writes (on the reply
    /// path) queue behind. Measured on SQLite (bench/ClinicBot.StorageBench, mode batches): CPU per event is about
    /// 80 us alone, 15-20 us in batches of 16, 10-14 us in 64 and 8-9 us in 256, while a batch holds the gate
    /// about 1 ms at 64 and 2.5-5 ms at 256. 64 keeps nearly all the saving at a quarter of the wait. Under normal
    /// load batches are smaller anyway (what queued during the previous write); the bound matters after a backlog.
    /// </summary>
    public const int BatchSize = 64;

    // Not disposed with the service: hosts may call StopAsync after Dispose (test hosts do), and it holds no
    // timer once cancelled.
    private readonly CancellationTokenSource _writeLimit = new();

    private readonly List<AnalyticsEvent> _batch = new(BatchSize);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                TakeQueued();
                await WriteBatchAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        var drained = 0;
        while (!_writeLimit.IsCancellationRequested && TakeQueued() > 0)
        {
            drained += _batch.Count;
            await WriteBatchAsync().ConfigureAwait(false);
        }

        LogDrained(drained, queue.Reader.Count);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _writeLimit.CancelAfter(DrainTimeout);
        cancellationToken.Register(_writeLimit.Cancel);
        return base.StopAsync(cancellationToken);
    }

    private int TakeQueued()
    {
        _batch.Clear();
        while (_batch.Count < BatchSize && queue.Reader.TryRead(out var queued))
        {
            _batch.Add(queued);
        }

        return _batch.Count;
    }

    private async Task WriteBatchAsync()
    {
        if (await TryWriteAsync(_batch).ConfigureAwait(false) || _batch.Count == 1 || _writeLimit.IsCancellationRequested)
        {
            return;
        }

        // The batch was rolled back as a whole: retry its events one by one, so only the bad one is lost.
        foreach (var analyticsEvent in _batch)
        {
            await TryWriteAsync([analyticsEvent]).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryWriteAsync(IReadOnlyList<AnalyticsEvent> events)
    {
        try
        {
            await store.WriteAsync(events, _writeLimit.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            LogWriteFailed(events.Count, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics events not stored: {Count} ({ExceptionType})")]
    private partial void LogWriteFailed(int count, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics queue drained on shutdown: {Written} events written, {Left} left")]
    private partial void LogDrained(int written, int left);
}
