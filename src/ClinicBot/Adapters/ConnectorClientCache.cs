using System.Collections.Concurrent;
using Microsoft.Bot.Connector;

namespace ClinicBot.Adapters;

/// <summary>
/// One connector client per (bot app id, serviceUrl, audience), reused across turns, as the SDK's older
/// BotFrameworkAdapter did. Creating a ConnectorClient per turn (what CloudAdapter does) builds fresh
/// Newtonsoft.Json contract resolvers each time, which reflects over the whole Activity schema and emits
/// dynamic methods: tens of milliseconds of CPU and ~1 MB of allocations per turn.
/// The cache is bounded: serviceUrl comes from the incoming activity, so past the limit new clients are
/// simply not cached (the turn gets its own client and disposes it, as the SDK would).
/// </summary>
public sealed class ConnectorClientCache : IDisposable
{
    public const int MaxClients = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> _clients = new(StringComparer.Ordinal);

    public int Count => _clients.Count;

    /// <summary>
    /// The cached client for the key (created by <paramref name="create"/> on first use), or null when the
    /// cache is full and the caller should use a client of its own.
    /// </summary>
    internal async Task<IConnectorClient?> GetOrCreateAsync(string key, Func<Task<IConnectorClient>> create)
    {
        if (!_clients.TryGetValue(key, out var entry))
        {
            if (_clients.Count >= MaxClients)
            {
                return null;
            }

            entry = _clients.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(async () => new SharedConnectorClient(await create().ConfigureAwait(false))));
        }

        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed creation (e.g. credentials could not be built) is not cached.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<IConnectorClient>>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var entry in _clients.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result is SharedConnectorClient shared)
            {
                shared.DisposeShared();
            }
        }

        _clients.Clear();
    }
}
