namespace ClinicBot.Staff.Dashboard;

/// <summary>
/// The dashboard's per-day chart as rows (newest first): each day's conversations and booking requests with bar
/// lengths in percent of the busiest day, so the page draws a table of labelled horizontal bars.
/// </summary>
public sealed record DayBarChart(IReadOnlyList<DayBarRow> Rows, int TotalConversations, int TotalBookings)
{
    public static DayBarChart From(IEnumerable<(DateOnly Day, int Conversations, int Bookings)> days)
    {
        var list = days.OrderByDescending(day => day.Day).ToList();
        var max = Math.Max(1, list.Count == 0 ? 1 : list.Max(day => Math.Max(day.Conversations, day.Bookings)));
        var rows = list.Select(day => new DayBarRow(day.Day, day.Conversations, day.Bookings, Percent(day.Conversations, max), Percent(day.Bookings, max))).ToList();
        return new DayBarChart(rows, list.Sum(day => day.Conversations), list.Sum(day => day.Bookings));
    }

    // A count above zero always shows a sliver of bar, so 1 is not mistaken for 0 beside a busy day.
    private static int Percent(int value, int max) => value == 0 ? 0 : Math.Max(2, (int)Math.Round(value * 100.0 / max));
}

public sealed record DayBarRow(DateOnly Day, int Conversations, int Bookings, int ConversationsPercent, int BookingsPercent);
