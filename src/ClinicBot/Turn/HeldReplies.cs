using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Turn;

/// <summary>
/// The replies of a turn, held back until the turn's conversation state is saved. A turn whose save loses to a
/// concurrent turn (ETag conflict) or fails (database down) is re-run or answered with an apology; replies it
/// already "sent" would contradict the saved state, so they are discarded instead of reaching the user.
/// The app's adapters ask <see cref="TryHold"/> before sending; with <c>deliveryMode: expectReplies</c> the SDK
/// collects replies in <see cref="TurnContext.BufferedReplyActivities"/> itself, and those are trimmed on discard.
/// </summary>
public sealed class HeldReplies
{
    private const string TurnStateKey = "ClinicBot.HeldReplies";

    private readonly ITurnContext _turnContext;
    private readonly List<Activity> _held = [];
    private readonly int _expectRepliesMark;
    private bool _holding = true;

    private HeldReplies(ITurnContext turnContext)
    {
        _turnContext = turnContext;
        _expectRepliesMark = ExpectedReplies(turnContext)?.Count ?? 0;
    }

    /// <summary>From now on this turn's replies are held until <see cref="ReleaseAsync"/>.</summary>
    public static HeldReplies Begin(ITurnContext turnContext)
    {
        var replies = new HeldReplies(turnContext);
        turnContext.TurnState[TurnStateKey] = replies;
        return replies;
    }

    /// <summary>
    /// Replies sent from now on go out at once: for answers that must never wait on, or be lost with, the
    /// turn's state (the crisis reply; apologies after the state could not be saved).
    /// </summary>
    public static void SendImmediately(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<HeldReplies>(TurnStateKey) is { } replies)
        {
            replies._holding = false;
        }
    }

    /// <summary>Called by an adapter's SendActivitiesAsync: true when the activities were held instead of sent.</summary>
    public static bool TryHold(ITurnContext turnContext, Activity[] activities, out ResourceResponse[] responses)
    {
        if (turnContext.TurnState.Get<HeldReplies>(TurnStateKey) is not { _holding: true } replies)
        {
            responses = [];
            return false;
        }

        lock (replies._held)
        {
            replies._held.AddRange(activities);
        }

        responses = activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        return true;
    }

    /// <summary>Forgets what this attempt of the turn sent; replies keep being held.</summary>
    public void Discard()
    {
        lock (_held)
        {
            _held.Clear();
        }

        var expected = ExpectedReplies(_turnContext);
        if (expected is not null && expected.Count > _expectRepliesMark)
        {
            expected.RemoveRange(_expectRepliesMark, expected.Count - _expectRepliesMark);
        }
    }

    /// <summary>Discards what is held and lets later replies go out at once.</summary>
    public void DiscardAndStop()
    {
        Discard();
        _holding = false;
    }

    /// <summary>Sends what is held, in order, and stops holding.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        _holding = false;
        Activity[] held;
        lock (_held)
        {
            held = [.. _held];
            _held.Clear();
        }

        if (held.Length > 0)
        {
            await _turnContext.Adapter.SendActivitiesAsync(_turnContext, held, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<Activity>? ExpectedReplies(ITurnContext turnContext) =>
        turnContext.Activity?.DeliveryMode == DeliveryModes.ExpectReplies ? (turnContext as TurnContext)?.BufferedReplyActivities : null;
}
