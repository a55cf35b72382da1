using System.Globalization;
using ClinicBot.Storage;
using ClinicBot.Storage.Retention;
using Microsoft.Extensions.Options;

namespace ClinicBot.Analytics;

/// <summary>
/// Erases the text of unanswered questions (the counts stay) once Staff:UnansweredQuestionRetentionDays old, and all
/// of them while Staff:KeepUnansweredQuestions is off (rows an earlier version or setting kept).
/// </summary>
public sealed class UnansweredQuestionPurgeService(
    ClinicDatabase database,
    IOptions<UnansweredQuestionOptions> options,
    TimeProvider time,
    ILogger<UnansweredQuestionPurgeService> logger) : PeriodicPurgeService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.UnansweredQuestionPurgeIntervalMinutes));

    protected override string What => "unanswered questions";

    public override async Task<int> PurgeNowAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = settings.KeepUnansweredQuestions
            ? Time.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, settings.UnansweredQuestionRetentionDays))
            : DateTimeOffset.MaxValue;
        int erased;
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand(
                "UPDATE analytics_turns SET unanswered_question = NULL WHERE unanswered_question IS NOT NULL AND at < @cutoff;")
                .With("@cutoff", cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            erased = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (erased > 0)
        {
            await database.CompactAfterDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }
}
