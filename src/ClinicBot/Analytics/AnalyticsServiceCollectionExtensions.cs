using ClinicBot.Knowledge;

namespace ClinicBot.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// What the bot records for the staff dashboard: a queue the turns write to and a background writer that
    /// stores it; days are counted in the clinic's time zone (clinic.json).
    /// </summary>
    public static IServiceCollection AddConversationAnalytics(this IServiceCollection services)
    {
        services.AddSingleton(ConversationHasher.CreateRandom());
        services.AddSingleton(sp => new AnalyticsDayCalendar(sp.GetRequiredService<ClinicKnowledge>().Facts.Hours.TimeZone));
        services.AddSingleton<QueuedConversationAnalytics>();
        services.AddSingleton<IConversationAnalytics>(sp => sp.GetRequiredService<QueuedConversationAnalytics>());
        services.AddSingleton<IAnalyticsStore, DatabaseAnalyticsStore>();
        services.AddHostedService<AnalyticsWriterService>();
        return services;
    }
}
