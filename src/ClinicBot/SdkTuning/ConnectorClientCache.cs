using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ClinicBot.SdkTuning;

/// <summary>
/// Clients CloudAdapter would otherwise build for every turn, kept and reused instead (as the SDK's older
/// BotFrameworkAdapter did): one connector client per (bot identity, serviceUrl, audience) and one user
/// token client per bot identity. A ConnectorClient built per turn gets fresh Newtonsoft.Json contract
/// resolvers, which reflect over the whole Activity schema and emit dynamic methods on first use: tens of
/// milliseconds of CPU and ~1 MB of allocations per turn. The cache is bounded: serviceUrl comes from the
/// incoming activity, so past the limit new clients are not cached (the turn gets its own, as in the SDK).
/// </summary>
public sealed class ConnectorClientCache : IDisposable
{
    public const int MaxClients = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _clients = new(StringComparer.Ordinal);

    public int Count => _clients.Count;

    /// <summary>The shared connector client for the key, or null when the cache is full.</summary>
    internal async Task<IConnectorClient?> GetConnectorAsync(string key, Func<Task<IConnectorClient>> create) =>
        (IConnectorClient?)await GetOrCreateAsync("connector\n" + key, async () => new SharedConnectorClient(await create().ConfigureAwait(false))).ConfigureAwait(false);

    /// <summary>The shared user token client for the bot identity, or null when the cache is full.</summary>
    internal async Task<UserTokenClient?> GetUserTokenClientAsync(string identityKey, Func<Task<UserTokenClient>> create) =>
        (UserTokenClient?)await GetOrCreateAsync("token\n" + identityKey, async () => new SharedUserTokenClient(await create().ConfigureAwait(false))).ConfigureAwait(false);

    public void Dispose()
    {
        foreach (var entry in _clients.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                switch (entry.Value.Result)
                {
                    case SharedConnectorClient connector:
                        connector.DisposeShared();
                        break;
                    case SharedUserTokenClient tokens:
                        tokens.DisposeShared();
                        break;
                }
            }
        }

        _clients.Clear();
    }

    private async Task<object?> GetOrCreateAsync(string key, Func<Task<object>> create)
    {
        if (!_clients.TryGetValue(key, out var entry))
        {
            if (_clients.Count >= MaxClients)
            {
                return null;
            }

            entry = _clients.GetOrAdd(key, _ => new Lazy<Task<object>>(create));
        }

        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed creation (e.g. credentials could not be built) is not kept.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}
