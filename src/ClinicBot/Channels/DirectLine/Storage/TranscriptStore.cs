using Microsoft.Data.Sqlite;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>A conversation known to the local channel.</summary>
public sealed record DirectLineConversation(string ConversationId, string UserId, bool Started);

/// <summary>One stored activity; its sequence number is the Direct Line watermark.</summary>
public sealed record StoredActivity(long Sequence, string ActivityJson);

/// <summary>
/// Conversations and their transcripts (user and bot activities as Direct Line JSON) in SQLite.
/// Idle conversations are deleted after the retention period.
/// </summary>
public sealed class TranscriptStore(DirectLineDatabase database, TimeProvider time)
{
    public async Task CreateConversationAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_conversations (conversation_id, user_id, started, created_utc, last_activity_utc)
            VALUES ($id, $user, 0, $now, $now);
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, started FROM directline_conversations WHERE conversation_id = $id;";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DirectLineConversation(conversationId, reader.GetString(0), reader.GetInt64(1) != 0);
    }

    /// <summary>Marks the conversation started; true only for the call that started it.</summary>
    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE directline_conversations SET started = 1, last_activity_utc = $now
            WHERE conversation_id = $id AND started = 0;
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Appends an activity; <paramref name="buildJson"/> gets the new sequence number.</summary>
    public async Task<long> AppendAsync(string conversationId, Func<long, string> buildJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        long sequence;
        await using (var next = connection.CreateCommand())
        {
            next.Transaction = transaction;
            next.CommandText = "SELECT COALESCE(MAX(sequence), 0) + 1 FROM directline_activities WHERE conversation_id = $id;";
            next.Parameters.AddWithValue("$id", conversationId);
            sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO directline_activities (conversation_id, sequence, activity_json) VALUES ($id, $seq, $json);
                UPDATE directline_conversations SET last_activity_utc = $now WHERE conversation_id = $id;
                """;
            insert.Parameters.AddWithValue("$id", conversationId);
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$json", buildJson(sequence));
            insert.Parameters.AddWithValue("$now", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, activity_json FROM directline_activities
            WHERE conversation_id = $id AND sequence > $watermark
            ORDER BY sequence LIMIT $max;
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$watermark", watermark);
        command.Parameters.AddWithValue("$max", max);
        var activities = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1)));
        }

        return activities;
    }

    /// <summary>Replaces a stored activity (the bot updating a message it sent); false when unknown.</summary>
    public async Task<bool> ReplaceAsync(string conversationId, long sequence, string activityJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_activities SET activity_json = $json WHERE conversation_id = $id AND sequence = $seq;";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$json", activityJson);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes conversations (and their activities) idle since before <paramref name="cutoff"/>.</summary>
    public async Task<int> DeleteIdleSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM directline_activities WHERE conversation_id IN
                (SELECT conversation_id FROM directline_conversations WHERE last_activity_utc < $cutoff);
            DELETE FROM directline_conversations WHERE last_activity_utc < $cutoff;
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
