using System.Text.Json;

namespace ClinicBot.Bots;

/// <summary>
/// The bot's own fixed texts (error apology, stale card, Teams privacy notice, database outage, conflicting
/// turns), loaded from Content/bot-messages.json so staff can edit them. Answers and the welcome come from the
/// knowledge content.
/// </summary>
public sealed record BotMessages(
    string TurnError,
    string StaleCard,
    string SharedChatBooking,
    string PrivateChatButton,
    string StorageUnavailable,
    string TurnConflict)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static BotMessages LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "Content", "bot-messages.json"));

    public static BotMessages Load(string path)
    {
        using var stream = File.OpenRead(path);
        var messages = JsonSerializer.Deserialize<BotMessages>(stream, Options)
            ?? throw new InvalidDataException($"{path} is empty.");
        string?[] required = [messages.TurnError, messages.StaleCard, messages.SharedChatBooking, messages.PrivateChatButton, messages.StorageUnavailable, messages.TurnConflict];
        if (required.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"{path} must define turnError, staleCard, sharedChatBooking, privateChatButton, storageUnavailable and turnConflict.");
        }

        return messages;
    }
}
