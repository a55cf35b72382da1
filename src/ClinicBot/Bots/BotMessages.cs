using System.Text.Json;
using ClinicBot.Hosting;
using ClinicBot.Knowledge;

namespace ClinicBot.Bots;

/// <summary>
/// The bot's own fixed texts (error apology, stale card, Teams privacy notice, database outage, conflicting
/// turns), loaded from Content/bot-messages.json so staff can edit them. The clinic's facts in them ("{Phone}",
/// "{HoursSummary}") are filled from clinic.json. Answers and the welcome come from the knowledge content.
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

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Content", "bot-messages.json");

    public static BotMessages LoadDefault(ClinicKnowledge knowledge) => Load(DefaultPath, knowledge);

    /// <summary>The texts next to the app, filled from the clinic's content next to the app.</summary>
    public static BotMessages LoadDefault() => LoadDefault(DefaultClinicContent.Knowledge);

    /// <summary>The texts in a Content folder, filled from the clinic's content in the same folder.</summary>
    public static BotMessages Load(string path) => Load(path, ClinicKnowledge.Load(Path.GetDirectoryName(Path.GetFullPath(path))!));

    public static BotMessages Load(string path, ClinicKnowledge knowledge)
    {
        using var stream = File.OpenRead(path);
        var messages = JsonSerializer.Deserialize<BotMessages>(stream, Options)
            ?? throw new InvalidDataException($"{path} is empty.");
        string?[] required = [messages.TurnError, messages.StaleCard, messages.SharedChatBooking, messages.PrivateChatButton, messages.StorageUnavailable, messages.TurnConflict];
        if (required.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"{path} must define turnError, staleCard, sharedChatBooking, privateChatButton, storageUnavailable and turnConflict.");
        }

        return new BotMessages(
            knowledge.FillFacts(messages.TurnError),
            knowledge.FillFacts(messages.StaleCard),
            knowledge.FillFacts(messages.SharedChatBooking),
            knowledge.FillFacts(messages.PrivateChatButton),
            knowledge.FillFacts(messages.StorageUnavailable),
            knowledge.FillFacts(messages.TurnConflict));
    }
}
