using ClinicBot.Abuse;
using ClinicBot.Embeddings;
using ClinicBot.Analytics;
using ClinicBot.Bots;
using ClinicBot.Booking.Store;
using ClinicBot.Booking;
using ClinicBot.Endpoints;
using ClinicBot.Channels.Teams;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;
using ClinicBot.Booking.Texts;
using ClinicBot.Health;
using ClinicBot.Knowledge;
using ClinicBot.Notifications;
using ClinicBot.SdkTuning;
using ClinicBot.Language.Time;
using ClinicBot.Storage.Bookings;
using ClinicBot.Storage;
using ClinicBot.Telemetry;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ClinicBot.Hosting;

public static class ClinicBotServiceCollectionExtensions
{
    public static IServiceCollection AddClinicBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddClinicTelemetry(configuration);
        services.AddSingleton(sp => BotMessages.LoadDefault(sp.GetRequiredService<ClinicKnowledge>()));
        // The sentence model loads in the background from here on; nothing waits for it but the first topic
        // understanding (the crisis check and /health/ready never do).
        services.AddSingleton(_ => SentenceEmbedder.Shared);
        services.AddSingleton(sp => ClinicKnowledge.LoadDefault(sp.GetRequiredService<SentenceEmbedder>()));

        // Storage:Provider picks SQLite (default) or PostgreSQL; every store below runs on that one database.
        services.AddClinicStorage();
        services.AddConversationAnalytics();
        services.AddBookingNotifications(configuration);

        // The booking store, composed here and nowhere else: rows in the database, name/phone/email encrypted
        // on the way in, and each new booking counted for the dashboard and notified to staff once saved.
        // The daily cap per client comes first, so a booking over it reaches none of the others.
        services.AddSingleton<IBookingStore>(sp => new DailyCappedBookingStore(
            new BookingEventsStore(
                new ProtectedBookingStore(
                    new DatabaseBookingStore(sp.GetRequiredService<ClinicDatabase>()),
                    sp.GetRequiredService<BookingFieldProtector>()),
                sp.GetRequiredService<IConversationAnalytics>(),
                sp.GetRequiredService<IBookingNotifier>(),
                sp.GetRequiredService<ClinicBotMetrics>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<BookingEventsStore>>()),
            sp.GetRequiredService<DailyBookingCap>()));
        services.AddSingleton(sp => new DailyBookingCap(
            configuration.GetValue(DailyBookingCap.Key, DailyBookingCap.DefaultPerClientPerDay),
            sp.GetRequiredService<CallbackWindow>().TimeZone,
            sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IQuestionAnswerer, KnowledgeQuestionAnswerer>();
        // The booking window follows the clinic's hours and time zone in clinic.json; its texts and word lists come
        // from Content/booking/ (loaded here, at start, so a broken file is reported once).
        services.AddSingleton(sp => CallbackWindow.From(sp.GetRequiredService<ClinicKnowledge>().Facts));
        services.AddSingleton(sp => LoadBookingTexts(sp.GetRequiredService<ILogger<BookingTexts>>())
            .WithClinic(sp.GetRequiredService<ClinicKnowledge>().Facts, sp.GetRequiredService<CallbackWindow>()));
        services.AddSingleton<BookingDialog>();
        services.AddSingleton<ClinicDialogs>();

        // Abuse controls: forwarded headers only from configured proxies; anonymous mode's reply allow-list and
        // channel-id check on /api/messages, and its start-up warning.
        services.AddTrustedProxies();
        services.AddHttpContextAccessor();
        services.AddSingleton<AnonymousReplyHosts>();
        services.AddSingleton<ActivityOriginCheck>();
        services.AddSingleton<ChannelMetadataOutage>();
        services.AddHostedService<AnonymousModeWarning>();

        services.AddSdkTuning(configuration);
        services.AddTurnPipeline();
        services.AddSingleton<ClinicBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ClinicBotAdapter>());
        services.AddTransient<IBot, ClinicActivityHandler>();

        services.AddHostedService<WarmUpService>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready]);
        return services;
    }

    private static BookingTexts LoadBookingTexts(ILogger logger)
    {
        var warnings = new List<string>();
        var texts = BookingTexts.LoadDefault(warnings);
        warnings.AddRange(BookingWords.LoadAll());
        warnings.AddRange(TimeWords.LoadWarnings);
        foreach (var warning in warnings)
        {
            logger.LogWarning("Booking content: {Warning}", warning);
        }

        return texts;
    }
}
