using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ClinicBot.SdkTuning;

/// <summary>
/// A view of a user token client that the adapter may dispose at the end of each turn without closing the
/// shared client behind it (CloudAdapter creates one per turn, and with it an OAuthClient whose constructor
/// compiles regular expressions for its User-Agent header).
/// </summary>
internal sealed class SharedUserTokenClient(UserTokenClient shared) : UserTokenClient
{
    public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        shared.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        shared.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        shared.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        shared.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        shared.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        shared.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    /// <summary>Closes the shared client; only the cache that owns it calls this.</summary>
    public void DisposeShared() => shared.Dispose();

    protected override void Dispose(bool disposing)
    {
        // Intentionally empty: CloudAdapter disposes its user token client after every turn.
    }
}
