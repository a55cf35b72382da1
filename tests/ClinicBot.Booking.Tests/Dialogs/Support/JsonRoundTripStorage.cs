using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Dialogs.Support;

/// <summary>
/// An IStorage that keeps every item as plain JSON text (no CLR type names), like a database-backed
/// storage does: what comes back is JObject/JArray/long/string, never the CLR objects that were written.
/// </summary>
public sealed class JsonRoundTripStorage : IStorage
{
    private readonly JsonSerializerSettings _settings;
    private readonly ConcurrentDictionary<string, string> _items = new();

    /// <param name="typeNames">Write CLR type names too (as some storages do); read back they are honoured.</param>
    public JsonRoundTripStorage(bool typeNames = false)
    {
        _settings = new JsonSerializerSettings { TypeNameHandling = typeNames ? TypeNameHandling.All : TypeNameHandling.None };
    }

    public int WriteCount { get; private set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var json))
            {
                result[key] = _settings.TypeNameHandling == TypeNameHandling.None
                    ? JObject.Parse(json)
                    : JsonConvert.DeserializeObject(json, _settings)!;
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            _items[key] = JsonConvert.SerializeObject(value, _settings);
        }

        WriteCount++;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public string? RawJson(string keyPart) => _items.FirstOrDefault(kv => kv.Key.Contains(keyPart, StringComparison.Ordinal)).Value;
}
