using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Language.Templates;

/// <summary>
/// An Adaptive Card authored as JSON (Content/cards/*.json). Strings get their {placeholders} filled; a string
/// that is exactly one placeholder naming a list (e.g. "{HoursFacts}") is replaced by that JSON array.
/// </summary>
public sealed class CardTemplate
{
    // Cards go to chat channels as JSON, never into HTML: keep "&" and "'" readable.
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        BindChildren(card, values, arrays ?? new Dictionary<string, JsonArray>());
        return card.ToJsonString(Output);
    }

    // Containers are filled in place; each string is replaced by a new node (its text filled, or a list).
    private static void BindChildren(JsonNode node, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, JsonArray> arrays)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child && Bound(child, values, arrays) is { } replacement) obj[key] = replacement;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child && Bound(child, values, arrays) is { } replacement) array[i] = replacement;
                }
                break;
        }
    }

    /// <summary>The node that replaces a string, or null when <paramref name="node"/> is a container (filled in place) or not a string.</summary>
    private static JsonNode? Bound(JsonNode node, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, JsonArray> arrays)
    {
        if (node is JsonObject or JsonArray)
        {
            BindChildren(node, values, arrays);
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String) return null;
        var text = node.GetValue<string>();
        if (text.Length > 2 && text[0] == '{' && text[^1] == '}' && arrays.TryGetValue(text[1..^1], out var list))
            return list.DeepClone();
        return JsonValue.Create(Placeholders.Fill(text, values));
    }
}
