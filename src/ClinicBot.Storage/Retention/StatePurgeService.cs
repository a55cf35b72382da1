using Microsoft.Extensions.Options;

namespace ClinicBot.Storage.Retention;

/// <summary>Settings under "Storage" for bot state kept at rest.</summary>
public sealed class StateRetentionOptions
{
    /// <summary>Conversation and user state not written for this long (an abandoned booking draft) is deleted.</summary>
    public int StateRetentionHours { get; set; } = 24;

    public int StatePurgeIntervalMinutes { get; set; } = 15;
}

/// <summary>Deletes bot state (booking drafts included) untouched for Storage:StateRetentionHours.</summary>
public sealed class StatePurgeService(
    ClinicDatabase database,
    IOptions<StateRetentionOptions> options,
    TimeProvider time,
    ILogger<StatePurgeService> logger) : PeriodicPurgeService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.StatePurgeIntervalMinutes));

    protected override string What => "bot state";

    public override async Task<int> PurgeNowAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - TimeSpan.FromHours(Math.Max(1, options.Value.StateRetentionHours));
        int deleted;
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand("DELETE FROM bot_state WHERE updated_utc < @cutoff;")
                .With("@cutoff", BotStateStorage.UpdatedUtcText(cutoff));
            deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deleted > 0)
        {
            await database.CompactAfterDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }
}
