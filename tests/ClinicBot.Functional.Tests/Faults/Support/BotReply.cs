using System.Text.Json.Nodes;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>One activity the bot sent back: its text (or card summary), whether it carries a card, its suggestions and topics.</summary>
public sealed record BotReply(string Text, bool HasCard, IReadOnlyList<string> Suggestions, IReadOnlyList<string> Topics)
{
    public static BotReply From(JsonObject activity)
    {
        var text = activity["text"]?.GetValue<string>() ?? activity["summary"]?.GetValue<string>() ?? string.Empty;
        var hasCard = activity["attachments"] is JsonArray { Count: > 0 };
        var suggestions = (activity["suggestedActions"]?["actions"] as JsonArray ?? [])
            .Select(action => action?["value"]?.ToString() ?? action?["title"]?.ToString() ?? string.Empty)
            .Where(value => value.Length > 0)
            .ToList();
        var topics = (activity["channelData"]?["clinicbot"]?["topics"] as JsonArray ?? []).Select(topic => topic!.ToString()).ToList();
        return new BotReply(text, hasCard, suggestions, topics);
    }

    public override string ToString() => HasCard ? $"[card] {Text}" : Text;
}
