using ClinicBot.Analytics;

namespace ClinicBot.Staff.Dashboard;

/// <summary>Geometry of the dashboard's per-day bar chart (two bars a day), computed here so the page only draws.</summary>
public sealed record DailyChart(int Width, int Height, int Left, int Top, int Baseline, int Max, IReadOnlyList<DailyBar> Bars)
{
    private const int BarWidth = 9;
    private const int DayWidth = 24;
    private const int LeftMargin = 28;
    private const int TopMargin = 10;
    private const int PlotHeight = 160;

    public static DailyChart From(IReadOnlyList<DailyCounts> days)
    {
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(day => Math.Max(day.Conversations, day.Bookings)));
        var baseline = TopMargin + PlotHeight;
        var bars = days.Select((day, index) =>
        {
            var conversationsHeight = Scale(day.Conversations, max);
            var bookingsHeight = Scale(day.Bookings, max);
            return new DailyBar(
                day.Day,
                day.Conversations,
                day.Bookings,
                X: LeftMargin + (index * DayWidth) + 2,
                Width: BarWidth,
                ConversationsY: baseline - conversationsHeight,
                ConversationsHeight: conversationsHeight,
                BookingsY: baseline - bookingsHeight,
                BookingsHeight: bookingsHeight,
                ShowLabel: index % 7 == 0 || index == days.Count - 1);
        }).ToList();

        return new DailyChart(LeftMargin + (days.Count * DayWidth) + 10, baseline + 20, LeftMargin, TopMargin, baseline, max, bars);
    }

    private static int Scale(int value, int max) => (int)Math.Round(value * (double)PlotHeight / max);
}

public sealed record DailyBar(
    DateOnly Day,
    int Conversations,
    int Bookings,
    int X,
    int Width,
    int ConversationsY,
    int ConversationsHeight,
    int BookingsY,
    int BookingsHeight,
    bool ShowLabel);

/// <summary>An SVG &lt;text&gt; element (Razor reserves the &lt;text&gt; tag), with its content HTML-encoded.</summary>
public static class SvgLabel
{
    public static Microsoft.AspNetCore.Html.IHtmlContent At(int x, int y, string text) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<text x=\"{x}\" y=\"{y}\" font-size=\"10\" fill=\"#333\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text)}</text>");
}
