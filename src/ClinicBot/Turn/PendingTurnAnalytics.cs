using ClinicBot.Analytics;
using Microsoft.Bot.Builder;

namespace ClinicBot.Turn;

/// <summary>
/// What a turn will record for the dashboard once its state is saved, kept in the turn's own state (not in a
/// field of the bot), so the bot holds nothing between turns and concurrent turns cannot see each other's.
/// </summary>
public static class PendingTurnAnalytics
{
    private const string TurnStateKey = "ClinicBot.PendingTurnAnalytics";

    public static void Set(ITurnContext turnContext, TurnAnalytics analytics) => turnContext.TurnState[TurnStateKey] = analytics;

    /// <summary>Forgets what an earlier run of the same turn set (a turn re-run after a conflicting save).</summary>
    public static void Clear(ITurnContext turnContext) => turnContext.TurnState.Remove(TurnStateKey);

    public static TurnAnalytics? Get(ITurnContext turnContext) => turnContext.TurnState.Get<TurnAnalytics>(TurnStateKey);
}
