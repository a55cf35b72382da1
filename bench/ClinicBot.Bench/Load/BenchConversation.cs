namespace ClinicBot.Bench.Load;

/// <summary>One simulated visitor's conversation: ids, the script, and channel-specific state (Direct Line token, watermark).</summary>
public sealed class BenchConversation(string id, string userId, ConversationScript script)
{
    private int _activityCounter;

    public string Id { get; set; } = id;

    public string UserId { get; } = userId;

    public ConversationScript Script { get; } = script;

    public int NextTurn { get; set; }

    public string? Token { get; set; }

    public string? Watermark { get; set; }

    public string NextActivityId() => $"{Id}-{++_activityCounter}";
}

/// <summary>How a target receives a visitor's turns.</summary>
public interface ITurnDriver
{
    /// <summary>Starts the conversation (the welcome turn). True when the channel accepted it.</summary>
    Task<bool> StartAsync(BenchConversation conversation, CancellationToken cancellationToken);

    /// <summary>Sends one message and waits until the turn is done as the target defines it. True on success.</summary>
    Task<bool> SendAsync(BenchConversation conversation, string text, CancellationToken cancellationToken);
}
