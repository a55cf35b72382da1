using System.Globalization;
using System.Data.Common;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;

namespace ClinicBot.Analytics;

/// <summary>Where analytics events end up, and the dashboard's queries over them.</summary>
public interface IAnalyticsStore
{
    /// <summary>Stores the events in one transaction: all of them, or (when this throws) none.</summary>
    Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct);

    Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct);
}

/// <summary>
/// Analytics tables in the app's database (SQLite or PostgreSQL). Days are clinic-local dates computed by the writer.
/// Unanswered questions (already redacted) are stored encrypted (<see cref="AtRestProtectors.UnansweredQuestions"/>).
/// </summary>
public sealed class DatabaseAnalyticsStore(ClinicDatabase database, AnalyticsDayCalendar calendar, AtRestProtectors protectors) : IAnalyticsStore
{
    private readonly AtRestProtector _questions = protectors.UnansweredQuestions;

    public const int UnansweredShown = 50;
    public const int TopicsShown = 15;

    public async Task WriteAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var days = events.Select(analyticsEvent => calendar.DayOf(analyticsEvent.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var stored = events.Select(analyticsEvent => analyticsEvent is TurnEvent { MaskedQuestion: { } question } turn
            ? turn with { MaskedQuestion = _questions.Protect(question) }
            : analyticsEvent).ToList();
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        // The same write gate as the bot-state writes: on SQLite they would otherwise contend for the file's
        // one write lock and wait in SQLite's busy handler, which blocks a thread-pool thread.
        using var writeTurn = await database.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var inserts = new AnalyticsInsertCommands(connection, transaction))
        {
            for (var i = 0; i < events.Count; i++)
            {
                await inserts.InsertAsync(stored[i], days[i], ct).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public async Task<DashboardSummary> SummarizeAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var from = fromDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = toDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var conversations = await CountByDayAsync(connection, "SELECT day, COUNT(DISTINCT conversation_hash) FROM analytics_turns WHERE day BETWEEN @from AND @to GROUP BY day;", from, to, ct).ConfigureAwait(false);
        var bookings = await CountByDayAsync(connection, "SELECT day, COUNT(*) FROM analytics_bookings WHERE day BETWEEN @from AND @to GROUP BY day;", from, to, ct).ConfigureAwait(false);
        var days = new List<DailyCounts>();
        for (var day = fromDay; day <= toDay; day = day.AddDays(1))
        {
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            days.Add(new DailyCounts(day, conversations.GetValueOrDefault(key), bookings.GetValueOrDefault(key)));
        }

        // Conversations per topic, not turns: every turn of a booking dialog is stamped book_call, and counting
        // turns made 3 bookings read as 27.
        var topics = new List<TopicCount>();
        await using (var command = Command(connection, $"""
            SELECT t.topic, COUNT(DISTINCT u.conversation_hash) FROM analytics_topics t JOIN analytics_turns u ON u.id = t.turn_id
            WHERE u.day BETWEEN @from AND @to GROUP BY t.topic ORDER BY COUNT(DISTINCT u.conversation_hash) DESC, t.topic LIMIT {TopicsShown};
            """, from, to))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                topics.Add(new TopicCount(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        int crisis;
        await using (var command = Command(connection, "SELECT COALESCE(SUM(crisis_reply), 0) FROM analytics_turns WHERE day BETWEEN @from AND @to;", from, to))
        {
            crisis = Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var unanswered = new List<UnansweredQuestion>();
        await using (var command = Command(connection, $"""
            SELECT day, unanswered_question FROM analytics_turns
            WHERE day BETWEEN @from AND @to AND unanswered_question IS NOT NULL
            ORDER BY id DESC LIMIT {UnansweredShown};
            """, from, to))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (_questions.TryUnprotect(reader.GetString(1)) is { } question)
                {
                    unanswered.Add(new UnansweredQuestion(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), question));
                }
            }
        }

        return new DashboardSummary(days, topics, crisis, unanswered);
    }

    private static async Task<Dictionary<string, int>> CountByDayAsync(DbConnection connection, string sql, string from, string to, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = Command(connection, sql, from, to);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static DbCommand Command(DbConnection connection, string sql, string from, string to) =>
        connection.CreateCommand(sql).With("@from", from).With("@to", to);
}
