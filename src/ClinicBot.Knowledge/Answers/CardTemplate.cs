using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Knowledge.Answers;

/// <summary>
/// An Adaptive Card authored as JSON (Content/cards/*.json). Strings get their {placeholders} filled; a string
/// that is exactly one placeholder naming a list (e.g. "{HoursFacts}") is replaced by that JSON array.
/// </summary>
internal sealed class CardTemplate
{
    private readonly JsonNode _template;

    public CardTemplate(string json)
    {
        _template = JsonNode.Parse(json) ?? throw new InvalidDataException("Card template is empty.");
        if (_template["type"]?.GetValue<string>() != "AdaptiveCard")
            throw new InvalidDataException("Card template is not an AdaptiveCard.");
    }

    public string Render(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, JsonArray>? arrays = null)
    {
        var card = _template.DeepClone();
        var bound = Bind(card, values, arrays ?? new Dictionary<string, JsonArray>());
        return bound!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonNode? Bind(JsonNode? node, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, JsonArray> arrays)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = Bind(obj[key], values, arrays);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Bind(array[i], values, arrays);
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Length > 2 && text[0] == '{' && text[^1] == '}' && arrays.TryGetValue(text[1..^1], out var list))
                    return list.DeepClone();
                return JsonValue.Create(Placeholders.Fill(text, values));
            default:
                return node;
        }
    }
}
