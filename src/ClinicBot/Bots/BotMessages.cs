using System.Text.Json;

namespace ClinicBot.Bots;

/// <summary>The bot's own fixed texts (welcome, help, error apology), loaded from Content/bot-messages.json so staff can edit them.</summary>
public sealed record BotMessages(string Welcome, IReadOnlyList<string> WelcomeSuggestions, string Help, string TurnError)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static BotMessages LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "Content", "bot-messages.json"));

    public static BotMessages Load(string path)
    {
        using var stream = File.OpenRead(path);
        var messages = JsonSerializer.Deserialize<BotMessages>(stream, Options)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (string.IsNullOrWhiteSpace(messages.Welcome) || string.IsNullOrWhiteSpace(messages.Help) || string.IsNullOrWhiteSpace(messages.TurnError))
        {
            throw new InvalidDataException($"{path} must define welcome, help and turnError.");
        }

        return messages;
    }
}
