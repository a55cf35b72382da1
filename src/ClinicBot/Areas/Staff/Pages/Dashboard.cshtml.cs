using ClinicBot.Analytics;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Dashboard;
using ClinicBot.Staff.Display;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Pages;

/// <summary>
/// /staff/dashboard: booking requests (from the bookings table) beside anonymous conversation counts, topics in
/// plain words, a per-day bar chart drawn on the server.
/// </summary>
public sealed class DashboardModel(
    IAnalyticsStore analytics,
    ReceivedBookingCounts bookings,
    StaffAuditLog audit,
    ClinicClock clock,
    StaffLabels labels,
    IOptions<UnansweredQuestionOptions> questions) : PageModel
{
    public const int Days = 30;

    public UnansweredQuestionOptions Questions => questions.Value;

    public StaffLabels Labels => labels;

    public DashboardSummary Summary { get; private set; } = null!;

    public DayBarChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.LocalDate(clock.Now);
        var from = today.AddDays(-(Days - 1));
        Summary = await analytics.SummarizeAsync(from, today, ct).ConfigureAwait(false);
        var received = await bookings.PerDayAsync(from, today, ct).ConfigureAwait(false);
        Chart = DayBarChart.From(Summary.Days.Select(day => (day.Day, day.Conversations, received.GetValueOrDefault(day.Day))));
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.ViewDashboard, [], null), ct).ConfigureAwait(false);
    }
}
