using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ClinicBot.SdkTuning;

/// <summary>Hands out the cached connector client for a serviceUrl and audience instead of a new one per turn.</summary>
internal sealed class ReusingConnectorFactory(ConnectorFactory inner, ConnectorClientCache cache, string appId) : ConnectorFactory
{
    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', appId, serviceUrl, audience ?? string.Empty);

        // The shared client must not depend on the first caller's cancellation token.
        var shared = await cache.GetConnectorAsync(key, () => CreateSharedAsync(serviceUrl, audience)).ConfigureAwait(false);
        return shared ?? await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IConnectorClient> CreateSharedAsync(string serviceUrl, string? audience)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, CancellationToken.None).ConfigureAwait(false);
        if (client is ConnectorClient { HttpClient: { } httpClient })
        {
            DefaultHeaderFlattening.Flatten(httpClient.DefaultRequestHeaders);
        }

        return client;
    }
}
