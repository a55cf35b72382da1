using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ClinicBot.SdkTuning;

public static class SdkTuningServiceCollectionExtensions
{
    /// <summary>
    /// The app's replacements for Bot Framework SDK parts that were slow on the reply path, each measured in
    /// docs/bench.md ("SDK workarounds and where they live"). Everything in this folder is registered here.
    /// </summary>
    public static IServiceCollection AddSdkTuning(this IServiceCollection services, IConfiguration configuration)
    {
        // Conversation state compared as JSON instead of the SDK's three hashes a turn (JsonComparedConversationState).
        services.AddSingleton<ConversationState, JsonComparedConversationState>();

        // Replies to a channel's serviceUrl: pooled connections and one connector client per serviceUrl,
        // instead of the SDK's new client (and new contract resolvers) per turn. See ConnectorClientCache.
        services.AddSingleton<ConnectorHttpClientFactory>();
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorReuseAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<ConnectorHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>()));
        return services;
    }
}
