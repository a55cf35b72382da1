using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Dialogs;

/// <summary>
/// Counts the message activities sent during a turn, so a prompt can tell whether its validator already
/// sent a precise re-ask (typing indicators and other non-message activities do not count).
/// </summary>
internal sealed class SentMessageCounter
{
    private const string TurnStateKey = "ClinicBot.Dialogs.SentMessageCounter";
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static void EnsureInstalled(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<SentMessageCounter>(TurnStateKey) is not null)
        {
            return;
        }

        var counter = new SentMessageCounter();
        turnContext.TurnState.Add(TurnStateKey, counter);
        turnContext.OnSendActivities(async (ctx, activities, next) =>
        {
            var responses = await next().ConfigureAwait(false);
            var messages = activities.Count(a => a.Type == ActivityTypes.Message);
            Interlocked.Add(ref counter._count, messages);
            return responses;
        });
    }

    public static int Read(ITurnContext turnContext) =>
        turnContext.TurnState.Get<SentMessageCounter>(TurnStateKey)?.Count ?? 0;
}
