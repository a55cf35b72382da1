using ClinicBot.Channels.DirectLine.Production;
using ClinicBot.Channels.DirectLine.RateLimiting;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;
using ClinicBot.Channels.DirectLine.WebChat;
using ClinicBot.Knowledge;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The web chat channel: the local Direct Line channel (default) or the Azure Direct Line token
    /// exchange (when DirectLine:Secret is set), and the Web Chat pages' settings. Needs what AddClinicBot
    /// registers: IBot, BotMessages, ClinicKnowledge and the turn pipeline's middleware (and the app's
    /// ClinicDatabase, registered here too if missing).
    /// </summary>
    public static IServiceCollection AddLocalDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DirectLineOptions>(configuration.GetSection(DirectLineOptions.SectionName));
        services.Configure<WebChatOptions>(configuration.GetSection(WebChatOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddClinicDatabase();
        services.TryAddSingleton<AtRestProtectors>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<TranscriptPurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptPurgeService>());
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<ConversationTokenService>();
        services.AddSingleton<ConversationSignals>();
        services.AddHostedService<TranscriptNotificationListener>();
        services.AddSingleton<ActivityTranscript>();
        services.AddSingleton<ActivityStream>();
        services.AddSingleton(sp => DirectLineTexts.Load(sp.GetRequiredService<ClinicKnowledge>()));
        services.AddSingleton<LocalDirectLineAdapter>();
        services.AddSingleton<LocalDirectLineChannel>();
        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<ChannelAccess>();
        services.AddSingleton<ContentSecurityPolicy>();
        services.AddHttpClient<AzureDirectLineTokenClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }

    /// <summary>Maps /api/directline/token and, unless Azure Direct Line is configured, the local channel.</summary>
    public static WebApplication MapLocalDirectLine(this WebApplication app)
    {
        app.MapDirectLineTokenEndpoint();
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!options.UsesAzure)
        {
            if (options.EnableWebSocket)
            {
                app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
            }

            app.MapLocalDirectLineChannel();
        }

        return app;
    }
}
