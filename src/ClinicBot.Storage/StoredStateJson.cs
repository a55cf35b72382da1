using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Storage;

/// <summary>
/// How bot state is kept as text: Newtonsoft JSON with type names, without the ETag, which lives in its own
/// column and is put back on the object when read.
/// </summary>
/// <remarks>
/// Written compactly: a type name only where the declared type does not say it (TypeNameHandling.Auto) and no
/// null object properties. A booking's state carries its prompts' activities, about 40 null fields each; the
/// SDK storages' settings (type names everywhere, nulls kept) made it ~5 KB of JSON read and written on every
/// turn. Reading keeps the SDK storages' settings, so state written in either form reads back as the same types.
/// </remarks>
public static class StoredStateJson
{
    private const string EtagProperty = "eTag";

    // The SDK storages' settings: any type name in the text is honoured, so values read back as the types written.
    private static readonly JsonSerializer Reader = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 64,
        SerializationBinder = MovedStateTypes.Instance,
    });

    // Dictionary entries are written even when null (NullValueHandling covers object properties only), so a key
    // set to null reads back as present.
    private static readonly JsonSerializer Writer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    public static object? Read(string storedJson, string etag)
    {
        // Straight from the text for the shapes that carry an ETag (BotState's dictionaries, store items, JSON
        // objects): the same value as parsing to a JObject, adding "eTag" and converting, without the JObject.
        object? value;
        using (var reader = new JsonTextReader(new StringReader(storedJson)))
        {
            value = Reader.Deserialize<object>(reader);
        }

        if (value is IStoreItem or IDictionary<string, object> or JObject)
        {
            SetEtag(value, etag);
            return value;
        }

        // Any other type may have its own "eTag" member: give it the ETag through the JSON, as written.
        var json = JObject.Parse(storedJson);
        json[EtagProperty] = etag;
        return json.ToObject<object>(Reader);
    }

    public static string Write(object value)
    {
        if (value.GetType() == typeof(Dictionary<string, object>))
        {
            // BotState's dictionaries: the same JSON as below, written directly from a copy without the ETag.
            var state = (Dictionary<string, object>)value;
            var withoutEtag = new Dictionary<string, object>(state.Count);
            foreach (var (key, entry) in state)
            {
                if (key != EtagProperty)
                {
                    withoutEtag[key] = entry;
                }
            }

            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
            {
                Writer.Serialize(writer, withoutEtag, typeof(object));
            }

            return text.ToString();
        }

        // Declared as object, so the root carries its type name too and reads back as the type written.
        using var tokenWriter = new JTokenWriter();
        Writer.Serialize(tokenWriter, value, typeof(object));
        var json = (JObject)tokenWriter.Token!;
        json.Remove(EtagProperty);
        return json.ToString(Formatting.None);
    }

    /// <summary>The ETag a value carries: <see cref="IStoreItem.ETag"/>, or the "eTag" entry of BotState's dictionaries and JSON objects.</summary>
    public static string? GetEtag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary => dictionary.TryGetValue(EtagProperty, out var entry) ? entry?.ToString() : null,
        JObject json => json.Value<string>(EtagProperty),
        _ => null,
    };

    public static void SetEtag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[EtagProperty] = etag;
                break;
            case JObject json:
                json[EtagProperty] = etag;
                break;
        }
    }
}
