using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Schema;

namespace ClinicBot.SdkTuning;

/// <summary>
/// Wraps the SDK's <see cref="BotFrameworkAuthentication"/> (ConfigurationBotFrameworkAuthentication) and
/// changes one thing: the connector and user token clients it hands out are reused across turns
/// (<see cref="ConnectorClientCache"/>). Authentication, credentials and skills are the SDK's own.
/// </summary>
public sealed class ConnectorReuseAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache cache) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Reusing(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var shared = await cache.GetUserTokenClientAsync(AppIdOf(claimsIdentity), () => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)).ConfigureAwait(false);
        return shared ?? await inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken).ConfigureAwait(false);
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result)
    {
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    private ConnectorFactory Reusing(ConnectorFactory factory, ClaimsIdentity? claimsIdentity) =>
        factory is null or ReusingConnectorFactory
            ? factory!
            : new ReusingConnectorFactory(factory, cache, AppIdOf(claimsIdentity));

    /// <summary>Who the connector acts for: the caller's app id (v1 "appid" or v2 "azp") and the token's audience.</summary>
    private static string AppIdOf(ClaimsIdentity? claimsIdentity)
    {
        if (claimsIdentity is null)
        {
            return string.Empty;
        }

        var appId = claimsIdentity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value
            ?? claimsIdentity.FindFirst(AuthenticationConstants.AuthorizedParty)?.Value;
        var audience = claimsIdentity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value;
        return $"{appId}|{audience}";
    }
}
