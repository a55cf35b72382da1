using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Dialogs;

/// <summary>
/// JSON for the activities a prompt keeps in its options: only the properties that are set. An Activity has
/// about 40 properties, nearly all null in a question; the dialog state holds two per prompt, and the state is
/// serialized several times a turn (the SDK's change check hashes it when loaded and when saved, then storage
/// writes it). Reading accepts both forms, so state stored with all the nulls still loads.
/// </summary>
/// <remarks>
/// Written without type names: attachment contents come back as JSON objects, which is what the bot's cards
/// are (<c>JObject</c>) and what every channel receives anyway.
/// </remarks>
public sealed class CompactActivityJson : JsonConverter<Activity>
{
    private static readonly JsonSerializer SetPropertiesOnly = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    public override void WriteJson(JsonWriter writer, Activity? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        SetPropertiesOnly.Serialize(writer, value, typeof(Activity));
    }

    public override Activity? ReadJson(JsonReader reader, Type objectType, Activity? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType == JsonToken.Null ? null : serializer.Deserialize<Activity>(reader);
}
