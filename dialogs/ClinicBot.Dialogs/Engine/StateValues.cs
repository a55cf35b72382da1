using Newtonsoft.Json.Linq;

namespace ClinicBot.Dialogs;

/// <summary>
/// Reads dialog state tolerantly: a value is either the CLR object put there this turn or the JSON
/// type a storage gave back (JObject, JArray, JValue, long, string, ...).
/// </summary>
public static class StateValues
{
    public static T? Convert<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JToken token:
                return token.Type == JTokenType.Null ? default : token.ToObject<T>();
            default:
                return JToken.FromObject(value).ToObject<T>();
        }
    }

    public static T? Get<T>(this IDictionary<string, object?> state, string key) =>
        state.TryGetValue(key, out var value) ? Convert<T>(value) : default;

    public static T GetOrDefault<T>(this IDictionary<string, object?> state, string key, T fallback) =>
        state.TryGetValue(key, out var value) && value is not null ? Convert<T>(value) ?? fallback : fallback;

    /// <summary>
    /// Returns the nested dictionary stored under <paramref name="key"/>, converting a JSON object back into
    /// a dictionary and storing it in place so that changes made to it are persisted.
    /// </summary>
    public static Dictionary<string, object?> GetDictionary(this IDictionary<string, object?> state, string key)
    {
        if (state.TryGetValue(key, out var value) && value is Dictionary<string, object?> dictionary)
        {
            return dictionary;
        }

        var converted = value is null ? new Dictionary<string, object?>() : ToDictionary(value);
        state[key] = converted;
        return converted;
    }

    /// <summary>Like <see cref="GetDictionary"/> for a typed object: converted once and stored back in place.</summary>
    public static T GetOrCreate<T>(this IDictionary<string, object?> state, string key, Func<T> create)
        where T : class
    {
        if (state.TryGetValue(key, out var value) && value is T typed)
        {
            return typed;
        }

        var converted = value is null ? null : Convert<T>(value);
        converted ??= create();
        state[key] = converted;
        return converted;
    }

    private static Dictionary<string, object?> ToDictionary(object value)
    {
        var result = new Dictionary<string, object?>();
        var obj = value as JObject ?? JObject.FromObject(value);
        foreach (var property in obj.Properties())
        {
            result[property.Name] = property.Value is JValue jvalue ? jvalue.Value : property.Value;
        }

        return result;
    }
}
