using ClinicBot.Bots;
using ClinicBot.Dialogs.Booking;
using ClinicBot.Dialogs.Booking.Store;
using ClinicBot.Endpoints;
using ClinicBot.Health;
using ClinicBot.Knowledge;
using ClinicBot.Storage.Bookings;
using ClinicBot.SdkTuning;
using ClinicBot.Storage;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

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
        services.AddSingleton<UserState>();
        services.AddSingleton<IBookingStore, DatabaseBookingStore>();

        services.AddSingleton<IQuestionAnswerer, KnowledgeQuestionAnswerer>();
        services.AddSingleton<BookingDialog>();
        services.AddSingleton<ClinicDialogs>();

        services.AddSdkTuning(configuration);
        services.AddTurnPipeline();
        services.AddSingleton<ClinicBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ClinicBotAdapter>());
        services.AddTransient<IBot, ClinicActivityHandler>();

        services.AddHostedService<WarmUpService>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready]);
        return services;
    }
}
