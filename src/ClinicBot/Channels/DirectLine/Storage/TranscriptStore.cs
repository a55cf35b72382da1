using ClinicBot.Storage;
using ClinicBot.Storage.Protection;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>A conversation known to the local channel.</summary>
public sealed record DirectLineConversation(string ConversationId, string UserId, bool Started);

/// <summary>One stored activity; its sequence number is the Direct Line watermark. Null JSON: it could not be decrypted.</summary>
public sealed record StoredActivity(long Sequence, string? ActivityJson);

/// <summary>
/// Conversations and their transcripts (user and bot activities as Direct Line JSON) in the app's database,
/// so every instance behind a load balancer serves the same conversation. The activities are encrypted in the
/// table (<see cref="AtRestProtectors.Transcripts"/>): they hold what the visitor typed. Idle conversations are
/// deleted by <see cref="TranscriptPurgeService"/>.
/// </summary>
public sealed class TranscriptStore(ClinicDatabase database, AtRestProtectors protectors, TimeProvider time)
{
    private readonly AtRestProtector _protector = protectors.Transcripts;

    public async Task CreateConversationAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("""
            INSERT INTO directline_conversations (conversation_id, user_id, started, created_utc, last_activity_utc)
            VALUES (@id, @user, 0, @now, @now);
            """)
            .With("@id", conversationId)
            .With("@user", userId)
            .With("@now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT user_id, started FROM directline_conversations WHERE conversation_id = @id;")
            .With("@id", conversationId);
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
        await using var command = connection.CreateCommand("""
            UPDATE directline_conversations SET started = 1, last_activity_utc = @now
            WHERE conversation_id = @id AND started = 0;
            """)
            .With("@id", conversationId)
            .With("@now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Appends an activity; <paramref name="buildJson"/> gets the new sequence number.</summary>
    public async Task<long> AppendAsync(string conversationId, Func<long, string> buildJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // SQLite: an IMMEDIATE transaction (the default) holds the file's write lock. PostgreSQL: the UPDATE
        // first locks the conversation's row, so appends to one conversation from any instance take turns and
        // MAX(sequence) + 1 cannot be handed out twice.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var touch = connection.CreateCommand("UPDATE directline_conversations SET last_activity_utc = @now WHERE conversation_id = @id;", transaction)
            .With("@id", conversationId)
            .With("@now", Now()))
        {
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        long sequence;
        await using (var next = connection.CreateCommand("SELECT COALESCE(MAX(sequence), 0) + 1 FROM directline_activities WHERE conversation_id = @id;", transaction)
            .With("@id", conversationId))
        {
            sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using (var insert = connection.CreateCommand("INSERT INTO directline_activities (conversation_id, sequence, activity_json) VALUES (@id, @seq, @json);", transaction)
            .With("@id", conversationId)
            .With("@seq", sequence)
            .With("@json", _protector.Protect(buildJson(sequence))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (database.Provider == StorageProvider.Postgres)
        {
            // Delivered at commit to every instance's TranscriptNotificationListener (their WebSocket streams).
            await using var notify = connection.CreateCommand("SELECT pg_notify(@channel, @id);", transaction)
                .With("@channel", TranscriptNotificationListener.Channel)
                .With("@id", conversationId);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("""
            SELECT sequence, activity_json FROM directline_activities
            WHERE conversation_id = @id AND sequence > @watermark
            ORDER BY sequence LIMIT @max;
            """)
            .With("@id", conversationId)
            .With("@watermark", watermark)
            .With("@max", max);
        var activities = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new StoredActivity(reader.GetInt64(0), _protector.TryUnprotect(reader.GetString(1))));
        }

        return activities;
    }

    /// <summary>Replaces a stored activity (the bot updating a message it sent); false when unknown.</summary>
    public async Task<bool> ReplaceAsync(string conversationId, long sequence, string activityJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("UPDATE directline_activities SET activity_json = @json WHERE conversation_id = @id AND sequence = @seq;")
            .With("@id", conversationId)
            .With("@seq", sequence)
            .With("@json", _protector.Protect(activityJson));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes conversations (and their activities) idle since before <paramref name="cutoff"/>; returns the rows deleted.</summary>
    public async Task<int> DeleteIdleSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int deleted;
        using (await database.EnterWriteAsync(cancellationToken))
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand("""
                DELETE FROM directline_activities WHERE conversation_id IN
                    (SELECT conversation_id FROM directline_conversations WHERE last_activity_utc < @cutoff);
                DELETE FROM directline_conversations WHERE last_activity_utc < @cutoff;
                """).With("@cutoff", cutoff.ToUnixTimeMilliseconds());
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (deleted > 0)
        {
            await database.CompactAfterDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
