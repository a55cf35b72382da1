namespace ClinicBot.Storage.Retention;

/// <summary>
/// Runs one purge at start-up and then every <see cref="Interval"/> on the injected <see cref="TimeProvider"/>.
/// Tests call <see cref="PurgeNowAsync"/> directly instead of waiting for the timer.
/// </summary>
public abstract partial class PeriodicPurgeService(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What this purge removes, for the log line (never any stored value).</summary>
    protected abstract string What { get; }

    /// <summary>Deletes what has expired by now; returns how many rows went.</summary>
    public abstract Task<int> PurgeNowAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeNowAsync(stoppingToken).ConfigureAwait(false);
                if (purged > 0)
                {
                    LogPurged(logger, purged, What);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Type only: database exception messages are not ours to vouch for.
                LogFailed(logger, What, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired row(s) of {What}")]
    private static partial void LogPurged(ILogger logger, int count, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purge of {What} failed ({ExceptionType}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string what, string exceptionType);
}
