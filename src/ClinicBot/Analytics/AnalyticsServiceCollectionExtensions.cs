using ClinicBot.Analytics.Redaction;
using ClinicBot.Knowledge;
using Microsoft.Extensions.Options;

namespace ClinicBot.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// What the bot records for the staff dashboard: a queue the turns write to and a background writer that
    /// stores it; days are counted in the clinic's time zone (clinic.json). Unanswered questions are kept only with
    /// Staff:KeepUnansweredQuestions: redacted, encrypted, and erased after Staff:UnansweredQuestionRetentionDays.
    /// </summary>
    public static IServiceCollection AddConversationAnalytics(this IServiceCollection services)
    {
        services.AddSingleton(ConversationHasher.CreateRandom());
        services.AddSingleton(sp => new AnalyticsDayCalendar(sp.GetRequiredService<ClinicKnowledge>().Facts.Hours.TimeZone));
        services.AddOptions<UnansweredQuestionOptions>().BindConfiguration("Staff");
        services.AddSingleton(_ => UnansweredQuestionRedactor.LoadDefault());
        services.AddSingleton(sp => new QueuedConversationAnalytics(
            sp.GetRequiredService<ConversationHasher>(),
            sp.GetRequiredService<ILogger<QueuedConversationAnalytics>>(),
            sp.GetRequiredService<IOptions<UnansweredQuestionOptions>>().Value.KeepUnansweredQuestions
                ? sp.GetRequiredService<UnansweredQuestionRedactor>()
                : null));
        services.AddSingleton<IConversationAnalytics>(sp => sp.GetRequiredService<QueuedConversationAnalytics>());
        services.AddSingleton<IAnalyticsStore, DatabaseAnalyticsStore>();
        services.AddHostedService<AnalyticsWriterService>();
        services.AddSingleton<UnansweredQuestionPurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<UnansweredQuestionPurgeService>());
        return services;
    }
}
