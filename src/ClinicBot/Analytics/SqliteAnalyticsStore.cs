using System.Globalization;
using ClinicBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Analytics;

/// <summary>Where analytics events end up, and the dashboard's queries over them.</summary>
public interface IAnalyticsStore
{
    Task WriteAsync(AnalyticsEvent analyticsEvent, CancellationToken ct);

    Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct);
}

/// <summary>Analytics tables in the app's SQLite file. Days are clinic-local dates computed by the writer.</summary>
public sealed class SqliteAnalyticsStore(SqliteDatabase database, AnalyticsDayCalendar calendar) : IAnalyticsStore
{
    public const int UnansweredShown = 50;
    public const int TopicsShown = 15;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS analytics_turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            conversation_hash TEXT NOT NULL,
            crisis_reply INTEGER NOT NULL,
            unanswered_question TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_analytics_turns_day ON analytics_turns (day);
        CREATE TABLE IF NOT EXISTS analytics_topics (
            turn_id INTEGER NOT NULL REFERENCES analytics_turns (id) ON DELETE CASCADE,
            topic TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_analytics_topics_turn ON analytics_topics (turn_id);
        CREATE TABLE IF NOT EXISTS analytics_bookings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL,
            channel TEXT NOT NULL
        );
        """;

    public async Task WriteAsync(AnalyticsEvent analyticsEvent, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var day = calendar.DayOf(analyticsEvent.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (analyticsEvent)
        {
            case TurnEvent turn:
                await WriteTurnAsync(connection, turn, day, ct).ConfigureAwait(false);
                break;
            case BookingEvent booking:
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "INSERT INTO analytics_bookings (day, channel) VALUES ($day, $channel);";
                    command.Parameters.AddWithValue("$day", day);
                    command.Parameters.AddWithValue("$channel", booking.Channel);
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                break;
        }
    }

    public async Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var from = fromDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = toDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var conversations = await CountByDayAsync(connection, "SELECT day, COUNT(DISTINCT conversation_hash) FROM analytics_turns WHERE day BETWEEN $from AND $to GROUP BY day;", from, to, ct).ConfigureAwait(false);
        var bookings = await CountByDayAsync(connection, "SELECT day, COUNT(*) FROM analytics_bookings WHERE day BETWEEN $from AND $to GROUP BY day;", from, to, ct).ConfigureAwait(false);
        var days = new List<DailyCounts>();
        for (var day = fromDay; day <= toDay; day = day.AddDays(1))
        {
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            days.Add(new DailyCounts(day, conversations.GetValueOrDefault(key), bookings.GetValueOrDefault(key)));
        }

        var topics = new List<TopicCount>();
        await using (var command = Command(connection, $"""
            SELECT t.topic, COUNT(*) FROM analytics_topics t JOIN analytics_turns u ON u.id = t.turn_id
            WHERE u.day BETWEEN $from AND $to GROUP BY t.topic ORDER BY COUNT(*) DESC, t.topic LIMIT {TopicsShown};
            """, from, to))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                topics.Add(new TopicCount(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        int crisis;
        await using (var command = Command(connection, "SELECT COALESCE(SUM(crisis_reply), 0) FROM analytics_turns WHERE day BETWEEN $from AND $to;", from, to))
        {
            crisis = Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var unanswered = new List<UnansweredQuestion>();
        await using (var command = Command(connection, $"""
            SELECT day, unanswered_question FROM analytics_turns
            WHERE day BETWEEN $from AND $to AND unanswered_question IS NOT NULL
            ORDER BY id DESC LIMIT {UnansweredShown};
            """, from, to))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                unanswered.Add(new UnansweredQuestion(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1)));
            }
        }

        return new DashboardSummary(days, topics, crisis, unanswered);
    }

    private static async Task WriteTurnAsync(SqliteConnection connection, TurnEvent turn, string day, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long turnId;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO analytics_turns (at, day, channel, conversation_hash, crisis_reply, unanswered_question)
                VALUES ($at, $day, $channel, $hash, $crisis, $question) RETURNING id;
                """;
            command.Parameters.AddWithValue("$at", turn.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$day", day);
            command.Parameters.AddWithValue("$channel", turn.Channel);
            command.Parameters.AddWithValue("$hash", turn.ConversationHash);
            command.Parameters.AddWithValue("$crisis", turn.CrisisReply ? 1 : 0);
            command.Parameters.AddWithValue("$question", (object?)turn.MaskedQuestion ?? DBNull.Value);
            turnId = Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        foreach (var topic in turn.Topics)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO analytics_topics (turn_id, topic) VALUES ($id, $topic);";
            command.Parameters.AddWithValue("$id", turnId);
            command.Parameters.AddWithValue("$topic", topic);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, int>> CountByDayAsync(SqliteConnection connection, string sql, string from, string to, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = Command(connection, sql, from, to);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string from, string to)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }
}
