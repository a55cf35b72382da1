using System.Collections.Concurrent;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Wakes a conversation's WebSocket streams when something is appended to its transcript (in this process).
/// Take <see cref="Next"/> before reading the transcript, so nothing appended in between is missed.
/// </summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public Task Next(string conversationId) =>
        _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Forgets a conversation nobody listens to any more.</summary>
    public void Forget(string conversationId) => Notify(conversationId);
}
