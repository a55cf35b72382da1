using System.Data.Common;
using System.Globalization;
using ClinicBot.Storage;

namespace ClinicBot.Analytics;

/// <summary>
/// The INSERTs of one batch of analytics events, inside one transaction. Each statement is built once per batch
/// and run again with new parameter values, so the engine parses (prepares) it once, not once per event.
/// </summary>
internal sealed class AnalyticsInsertCommands(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private DbCommand? _turn;
    private DbCommand? _topic;
    private DbCommand? _booking;

    public async Task InsertAsync(AnalyticsEvent analyticsEvent, string day, CancellationToken ct)
    {
        switch (analyticsEvent)
        {
            case TurnEvent turn:
                await InsertTurnAsync(turn, day, ct).ConfigureAwait(false);
                break;
            case BookingEvent booking:
                _booking ??= connection.CreateCommand("INSERT INTO analytics_bookings (day, channel) VALUES (@day, @channel);", transaction)
                    .With("@day", null)
                    .With("@channel", null);
                Set(_booking, day, booking.Channel);
                await _booking.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _turn, _topic, _booking })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task InsertTurnAsync(TurnEvent turn, string day, CancellationToken ct)
    {
        _turn ??= connection.CreateCommand("""
            INSERT INTO analytics_turns (at, day, channel, conversation_hash, crisis_reply, unanswered_question)
            VALUES (@at, @day, @channel, @hash, @crisis, @question) RETURNING id;
            """, transaction)
            .With("@at", null)
            .With("@day", null)
            .With("@channel", null)
            .With("@hash", null)
            .With("@crisis", null)
            .With("@question", null);
        Set(_turn,
            turn.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            day,
            turn.Channel,
            turn.ConversationHash,
            turn.CrisisReply ? 1L : 0L,
            turn.MaskedQuestion);
        var turnId = Convert.ToInt64(await _turn.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);

        foreach (var topic in turn.Topics)
        {
            _topic ??= connection.CreateCommand("INSERT INTO analytics_topics (turn_id, topic) VALUES (@id, @topic);", transaction)
                .With("@id", null)
                .With("@topic", null);
            Set(_topic, turnId, topic);
            await _topic.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    // Values in the order the parameters were added; null becomes SQL NULL.
    private static void Set(DbCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
