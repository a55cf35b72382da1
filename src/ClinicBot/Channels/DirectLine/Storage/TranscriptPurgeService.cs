using ClinicBot.Storage.Retention;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// Deletes local Direct Line conversations and their transcripts DirectLine:TranscriptRetentionMinutes after their
/// last activity, every DirectLine:TranscriptPurgeIntervalMinutes.
/// </summary>
public sealed class TranscriptPurgeService(
    TranscriptStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<TranscriptPurgeService> logger) : PeriodicPurgeService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.TranscriptPurgeIntervalMinutes));

    protected override string What => "Direct Line transcripts";

    public override Task<int> PurgeNowAsync(CancellationToken cancellationToken) =>
        store.DeleteIdleSinceAsync(Time.GetUtcNow() - options.Value.TranscriptRetention, cancellationToken);
}
