using ClinicBot.Analytics;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Dashboard;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Pages;

/// <summary>/staff/dashboard: anonymous counts for improving the bot (chart drawn server-side as SVG).</summary>
public sealed class DashboardModel(IAnalyticsStore analytics, StaffAuditLog audit, ClinicClock clock, IOptions<UnansweredQuestionOptions> questions) : PageModel
{
    public const int Days = 30;

    public UnansweredQuestionOptions Questions => questions.Value;

    public DashboardSummary Summary { get; private set; } = null!;

    public DailyChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Summary = await analytics.SummarizeAsync(today.AddDays(-(Days - 1)), today, ct).ConfigureAwait(false);
        Chart = DailyChart.From(Summary.Days);
        await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.ViewDashboard, [], null), ct).ConfigureAwait(false);
    }
}
