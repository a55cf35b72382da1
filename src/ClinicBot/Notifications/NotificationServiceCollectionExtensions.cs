using Microsoft.Extensions.Options;

namespace ClinicBot.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Staff e-mail about new bookings (<see cref="BookingEventsStore"/> calls the notifier). Decided when first
    /// resolved, from the final configuration: SMTP only when Staff:Notify:SmtpHost is set.
    /// </summary>
    public static IServiceCollection AddBookingNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpNotifyOptions>().Bind(configuration.GetSection(SmtpNotifyOptions.SectionName));
        services.AddSingleton<IBookingNotifier>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpNotifyOptions>>().Value.SmtpHost)
                ? new NoBookingNotifier()
                : ActivatorUtilities.CreateInstance<SmtpBookingNotifier>(sp));
        return services;
    }
}
