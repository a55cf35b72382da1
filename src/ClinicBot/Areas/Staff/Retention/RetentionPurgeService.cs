using ClinicBot.Staff.Data;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Retention;

/// <summary>Runs the retention purge at start-up and then every Staff:PurgeIntervalMinutes (on the injected TimeProvider).</summary>
public sealed partial class RetentionPurgeService(
    BookingRetentionPurger purger,
    StaffSchema schema,
    IOptions<StaffOptions> options,
    TimeProvider time,
    ILogger<RetentionPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = TimeSpan.FromMinutes(Math.Max(1, settings.PurgeIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            await PurgeOnceAsync(settings.RetentionDays, stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PurgeOnceAsync(int retentionDays, CancellationToken ct)
    {
        try
        {
            schema.EnsureCreated();
            var cutoff = time.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, retentionDays));
            var deleted = await purger.PurgeOlderThanAsync(cutoff, ct).ConfigureAwait(false);
            LogPurged(deleted, retentionDays);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Type only: database exception messages are not ours to vouch for.
            LogPurgeFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Count} booking request(s) older than {Days} days")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed ({ExceptionType}); it will run again at the next interval")]
    private partial void LogPurgeFailed(string exceptionType);
}
