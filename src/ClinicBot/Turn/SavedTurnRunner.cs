using ClinicBot.Bots;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;

namespace ClinicBot.Turn;

/// <summary>
/// Runs a turn so that what the bot says and what it saves agree. The turn's replies are held until its
/// conversation state is saved. When a concurrent turn of the same conversation saved first, the state is read
/// again and the turn re-run on it (its held replies discarded), so neither turn's update is lost. A turn that
/// keeps conflicting, or whose save cannot reach the database, sends one apology instead of what it had said.
/// Replies marked with <see cref="HeldReplies.SendImmediately"/> (the crisis reply) are never held.
/// </summary>
public sealed partial class SavedTurnRunner
{
    /// <summary>Runs of one turn before it gives up on conflicting saves (each re-run reads the state again).</summary>
    public const int MaxAttempts = 3;

    private readonly ConversationState _conversationState;
    private readonly BotMessages _messages;
    private readonly ILogger _logger;

    public SavedTurnRunner(ConversationState conversationState, BotMessages messages, ILogger logger)
    {
        _conversationState = conversationState;
        _messages = messages;
        _logger = logger;
    }

    /// <summary>
    /// Runs <paramref name="runTurn"/> and saves what it changed (only what it loaded and changed: a turn that
    /// never touched state writes nothing, so no extra database round trip). True when the state was saved and
    /// the held replies went out; false when the person got the conflict or outage apology instead.
    /// </summary>
    public async Task<bool> RunAsync(ITurnContext turnContext, Func<Task> runTurn, CancellationToken cancellationToken)
    {
        var replies = HeldReplies.Begin(turnContext);
        try
        {
            await RunUntilSavedAsync(turnContext, runTurn, replies, cancellationToken).ConfigureAwait(false);
            await replies.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (EtagConflictException)
        {
            replies.DiscardAndStop();
            LogConflictGaveUp(MaxAttempts);
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.TurnConflict), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (Exception exception) when (StorageOutage.IsOutage(exception))
        {
            // Nothing of this turn was saved: the state write failed as a whole, or never happened.
            replies.DiscardAndStop();
            LogStorageUnavailable(exception.GetType().Name);
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.StorageUnavailable), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch
        {
            // The adapter's turn-error apology must go out, and nothing this turn said may (its state was not saved).
            replies.DiscardAndStop();
            throw;
        }
    }

    private async Task RunUntilSavedAsync(ITurnContext turnContext, Func<Task> runTurn, HeldReplies replies, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runTurn().ConfigureAwait(false);
                await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < MaxAttempts)
            {
                replies.Discard();
                LogConflictRerun(attempt + 1);
                await _conversationState.LoadAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concurrent turn saved this conversation first; re-running the turn on fresh state (attempt {Attempt})")]
    private partial void LogConflictRerun(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn kept conflicting with concurrent turns after {Attempts} attempts; the person was asked to resend")]
    private partial void LogConflictGaveUp(int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}) while saving the turn; the person got the apology with the clinic's phone")]
    private partial void LogStorageUnavailable(string exceptionType);
}
