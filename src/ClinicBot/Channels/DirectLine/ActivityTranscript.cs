using System.Globalization;
using ClinicBot.Channels.DirectLine.Protocol;
using ClinicBot.Channels.DirectLine.Storage;
using Microsoft.Bot.Schema;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// A conversation's activities as Direct Line sees them: each appended activity gets the server id
/// "{conversationId}|{sequence}" and a timestamp; the sequence is the watermark Web Chat polls with.
/// </summary>
public sealed class ActivityTranscript(TranscriptStore store, ConversationSignals signals, TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<string> AppendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation.", nameof(activity));
        string? id = null;
        await store.AppendAsync(conversationId, sequence =>
        {
            id = ActivityId(conversationId, sequence);
            activity.Id = id;
            activity.Timestamp = time.GetUtcNow();
            return DirectLineJson.Serialize(activity);
        }, cancellationToken);
        signals.Notify(conversationId);
        return id!;
    }

    public async Task<bool> ReplaceAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (conversationId is null || !TryParseSequence(conversationId, activity.Id, out var sequence))
        {
            return false;
        }

        return await store.ReplaceAsync(conversationId, sequence, DirectLineJson.Serialize(activity), cancellationToken);
        // An updated activity keeps its watermark: pollers and streams that already have it are not told again.
    }

    /// <summary>Activities after the watermark (oldest first) and the new watermark.</summary>
    public async Task<(IReadOnlyList<string> ActivitiesJson, long Watermark)> ReadAfterAsync(
        string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAfterAsync(conversationId, watermark, PageSize, cancellationToken);
        var next = stored.Count == 0 ? watermark : stored[^1].Sequence;
        // An activity whose key is gone is left out; the watermark still moves past it.
        return (stored.Where(s => s.ActivityJson is not null).Select(s => s.ActivityJson!).ToList(), next);
    }

    public static string ActivityId(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    private static bool TryParseSequence(string conversationId, string? activityId, out long sequence)
    {
        sequence = 0;
        var prefix = conversationId + "|";
        return activityId is not null
            && activityId.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(activityId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
