namespace ClinicBot.SdkTuning;

/// <summary>
/// The HttpClients the Bot Framework connector uses to send replies to a channel's serviceUrl. They all
/// share one pooled SocketsHttpHandler, so replies reuse open connections instead of opening a new one per
/// turn (the SDK creates a client per turn and disposes it; only the client, never this handler, goes away).
/// Connections are recycled every few minutes so DNS changes of a channel's host are picked up.
/// </summary>
public sealed class ConnectorHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AllowAutoRedirect = false,
        UseCookies = false,
    };

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _handler.Dispose();
}
