using ClinicBot.Adapters;
using ClinicBot.Bots;
using ClinicBot.Channels.Teams;
using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;
using ClinicBot.Booking.Store;
using ClinicBot.Booking.Texts;
using ClinicBot.Health;
using ClinicBot.Knowledge;
using ClinicBot.Language.Time;
using ClinicBot.Storage.Bookings;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ClinicBot.Hosting;

public static class ClinicBotServiceCollectionExtensions
{
    public static IServiceCollection AddClinicBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(BotMessages.LoadDefault());
        services.AddSingleton(_ => ClinicKnowledge.LoadDefault());

        // Storage:Provider picks SQLite (default) or PostgreSQL; every store below runs on that one database.
        services.AddClinicDatabase();
        services.AddSingleton<IJsonStateStorage, BotStateStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<IJsonStateStorage>());
        services.AddSingleton<ConversationState, JsonComparedConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<IBookingStore, DatabaseBookingStore>();

        services.AddSingleton<IQuestionAnswerer, KnowledgeQuestionAnswerer>();
        // The booking window follows the clinic's hours and time zone in clinic.json; its texts and word lists come
        // from Content/booking/ (loaded here, at start, so a broken file is reported once).
        services.AddSingleton(sp => CallbackWindow.From(sp.GetRequiredService<ClinicKnowledge>().Facts));
        services.AddSingleton(sp => LoadBookingTexts(sp.GetRequiredService<ILogger<BookingTexts>>())
            .WithClinic(sp.GetRequiredService<ClinicKnowledge>().Facts, sp.GetRequiredService<CallbackWindow>()));
        services.AddSingleton<BookingDialog>();
        services.AddSingleton<ClinicDialogs>();

        // Replies to a channel's serviceUrl: pooled connections and one connector client per serviceUrl,
        // instead of the SDK's new client (and new contract resolvers) per turn. See Adapters/ConnectorClientCache.
        services.AddSingleton<ConnectorHttpClientFactory>();
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorReuseAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<ConnectorHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>()));
        services.AddSingleton<TeamsTenantFilter>();
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
