namespace ClinicBot.Analytics;

public sealed record DashboardSummary(
    IReadOnlyList<DailyCounts> Days,
    IReadOnlyList<TopicCount> Topics,
    int CrisisReplies,
    IReadOnlyList<UnansweredQuestion> Unanswered);

public sealed record DailyCounts(DateOnly Day, int Conversations, int Bookings);

/// <summary>How many conversations touched a topic (each conversation once).</summary>
public sealed record TopicCount(string Topic, int Count);

public sealed record UnansweredQuestion(DateOnly Day, string MaskedText);

/// <summary>Which calendar day an instant belongs to, in the clinic's time zone.</summary>
public sealed class AnalyticsDayCalendar(TimeZoneInfo zone)
{
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
