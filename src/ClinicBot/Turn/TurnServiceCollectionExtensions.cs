using ClinicBot.Abuse;
using ClinicBot.Channels.Teams;
using ClinicBot.Telemetry;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ClinicBot.Turn;

public static class TurnServiceCollectionExtensions
{
    /// <summary>
    /// The middleware every channel runs before the bot, in this order (<see cref="TurnPipeline"/> reads them
    /// as <see cref="IMiddleware"/>). Add new middleware here and it runs on /api/messages and the local Direct Line.
    /// </summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddSingleton<IMiddleware, TurnTelemetryMiddleware>();
        services.AddSingleton<IMiddleware, TeamsTenantFilter>();
        services.AddSingleton<IMiddleware, BookingClientStamp>();
        return services;
    }
}
