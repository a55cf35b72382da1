using ClinicBot.Adapters;
using ClinicBot.Analytics;
using ClinicBot.Channels.Teams;
using ClinicBot.Dialogs;
using ClinicBot.Dialogs.Booking;
using ClinicBot.Knowledge;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace ClinicBot.Bots;

/// <summary>
/// ClinicBot's one bot class, used by every channel (/api/messages, the local Direct Line, Teams).
/// Every message goes through the same order: crisis first (no state, no database), then a booking in
/// progress, then the clinic's page.
/// Replies are held until the conversation state is saved: a turn that loses a save to a concurrent turn of the
/// same conversation is re-run on the fresh state (its replies discarded); a database that cannot be reached
/// gets one plain apology with the clinic's phone, while page answers and the crisis reply still go out.
/// </summary>
public sealed partial class ClinicActivityHandler : TeamsActivityHandler
{
    /// <summary>Runs of one turn before it gives up on conflicting saves (each re-run reads the state again).</summary>
    public const int MaxTurnAttempts = 3;

    private readonly ConversationState _conversationState;
    private readonly ClinicKnowledge _knowledge;
    private readonly ClinicDialogs _dialogs;
    private readonly BotMessages _messages;
    private readonly TimeProvider _clock;
    private readonly IConversationAnalytics _analytics;
    private readonly IConfiguration _configuration;
    private readonly ILogger<ClinicActivityHandler> _logger;
    private TurnAnalytics? _pendingAnalytics;

    public ClinicActivityHandler(
        ConversationState conversationState,
        ClinicKnowledge knowledge,
        ClinicDialogs dialogs,
        BotMessages messages,
        TimeProvider clock,
        IConversationAnalytics analytics,
        IConfiguration configuration,
        ILogger<ClinicActivityHandler> logger)
    {
        _logger = logger;
        _analytics = analytics;
        _conversationState = conversationState;
        _knowledge = knowledge;
        _dialogs = dialogs;
        _messages = messages;
        _clock = clock;
        _configuration = configuration;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var replies = HeldReplies.Begin(turnContext);
        try
        {
            await RunUntilSavedAsync(turnContext, replies, cancellationToken).ConfigureAwait(false);
            await replies.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            replies.DiscardAndStop();
            LogConflictGaveUp(MaxTurnAttempts);
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.TurnConflict), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (StorageOutage.IsOutage(exception))
        {
            // Nothing of this turn was saved: the state write failed as a whole, or never happened.
            replies.DiscardAndStop();
            LogStorageUnavailable(exception.GetType().Name, "saving the turn");
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.StorageUnavailable), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch
        {
            // The adapter's turn-error apology must go out, and nothing this turn said may (its state was not saved).
            replies.DiscardAndStop();
            throw;
        }

        if (_pendingAnalytics is { } analytics)
        {
            // Queues and returns at once; recorded once per turn, however many times the turn ran.
            await _analytics.RecordTurnAsync(analytics, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the turn and saves what it changed (only what it loaded and changed: a turn that never touched state
    /// writes nothing, so no extra database round trip). When a concurrent turn of the same conversation saved
    /// first, the state is read again and the turn re-run on it, so neither turn's update is lost.
    /// </summary>
    private async Task RunUntilSavedAsync(ITurnContext turnContext, HeldReplies replies, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            _pendingAnalytics = null;
            try
            {
                await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < MaxTurnAttempts)
            {
                replies.Discard();
                LogConflictRerun(attempt + 1);
                await _conversationState.LoadAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = TeamsConversation.TextWithoutBotMention((Activity)turnContext.Activity);
        var answered = TopicStamp.CollectAnswered(turnContext);

        await RespondAsync(turnContext, text, cancellationToken).ConfigureAwait(false);

        // For the clinic's dashboard: topics only, and the text only of questions the page could not answer
        // (masked there). Crisis messages are never kept. Recorded by OnTurnAsync once the turn is saved.
        var isCrisis = answered.Contains(TopicNames.Crisis);
        var unanswered = !isCrisis && answered.FirstOrDefault() == TopicNames.OutOfScope ? text : null;
        var activity = turnContext.Activity;
        _pendingAnalytics = new TurnAnalytics(_clock.GetUtcNow(), activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? string.Empty, answered, isCrisis, unanswered);
    }

    private async Task RespondAsync(ITurnContext<IMessageActivity> turnContext, string text, CancellationToken cancellationToken)
    {
        // Crisis language is answered before anything else, in every state, without touching storage:
        // a booking in progress stays where it was and can be resumed.
        if (_knowledge.IsCrisis(text))
        {
            HeldReplies.SendImmediately(turnContext);
            await AnswerSender.SendAsync(turnContext, _knowledge.Answer(_knowledge.Understand(text), _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return;
        }

        DialogContext dialogContext;
        try
        {
            dialogContext = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageOutage.IsOutage(exception))
        {
            LogStorageUnavailable(exception.GetType().Name, "reading the conversation");
            await RespondWithoutStateAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (dialogContext.ActiveDialog is not null)
        {
            TopicStamp.StampUnmarkedReplies(turnContext, [TopicNames.BookCall]);
            await dialogContext.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is not null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.StaleCard), cancellationToken).ConfigureAwait(false);
            return;
        }

        var understanding = _knowledge.Understand(text);
        var answers = _knowledge.Answer(understanding, _clock.GetUtcNow());
        if (!understanding.Topics.Contains(TopicNames.BookCall))
        {
            await AnswerSender.SendAsync(turnContext, answers, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Other questions in the same message are answered first, then the booking starts.
        var otherAnswers = answers.Where(answer => answer.Topic != TopicNames.BookCall).Select(answer => answer with { SuggestedActions = [] }).ToList();
        await AnswerSender.SendAsync(turnContext, otherAnswers, cancellationToken).ConfigureAwait(false);

        if (TeamsConversation.IsShared(turnContext))
        {
            await SendPrivateBookingNoticeAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        TopicStamp.StampUnmarkedReplies(turnContext, [TopicNames.BookCall]);
        await dialogContext.BeginDialogAsync(BookingDialog.Id, new BookingOptions(text), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The database is down, so there is no booking state to read or write. The clinic's page needs none: its
    /// answers still go out. A booking request, or a message that may belong to a booking in progress (anything
    /// the page cannot answer), gets one apology with the clinic's phone; nothing is saved.
    /// </summary>
    private async Task RespondWithoutStateAsync(ITurnContext<IMessageActivity> turnContext, string text, CancellationToken cancellationToken)
    {
        var understanding = _knowledge.Understand(text);
        var pageAnswers = _knowledge.Answer(understanding, _clock.GetUtcNow())
            .Where(answer => answer.Topic is not TopicNames.BookCall and not TopicNames.OutOfScope)
            .Select(answer => answer with { SuggestedActions = answer.SuggestedActions.Where(IsNotBookingSuggestion).ToList() })
            .ToList();
        await AnswerSender.SendAsync(turnContext, pageAnswers, cancellationToken).ConfigureAwait(false);

        if (pageAnswers.Count == 0 || understanding.Topics.Contains(TopicNames.BookCall))
        {
            var apology = MessageFactory.Text(_messages.StorageUnavailable);
            TopicStamp.Set(apology, [TopicNames.BookCall]);
            await turnContext.SendActivityAsync(apology, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsNotBookingSuggestion(string suggestion) => !_knowledge.Understand(suggestion).Topics.Contains(TopicNames.BookCall);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concurrent turn saved this conversation first; re-running the turn on fresh state (attempt {Attempt})")]
    private partial void LogConflictRerun(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn kept conflicting with concurrent turns after {Attempts} attempts; the person was asked to resend")]
    private partial void LogConflictGaveUp(int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable ({ExceptionType}) while {Stage}; answered without state")]
    private partial void LogStorageUnavailable(string exceptionType, string stage);

    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // In Teams the welcome is sent on installationUpdate. Handling membersAdded there as well would
        // welcome twice, and Teams' member dispatch calls back into the channel's connector for every member.
        if (TeamsConversation.IsTeams(turnContext))
        {
            return Task.CompletedTask;
        }

        return base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        SendWelcomeAsync(turnContext, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(member => member.Id != botId))
        {
            await SendWelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcome = _knowledge.Welcome();
        return turnContext.SendActivityAsync(AnswerSender.ToActivity(welcome, welcome.SuggestedActions), cancellationToken);
    }

    /// <summary>In a Teams channel or group chat, booking details would be visible to everyone: move to a 1:1 chat.</summary>
    private Task SendPrivateBookingNoticeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var notice = MessageFactory.Text(_messages.SharedChatBooking);
        var appId = _configuration["MicrosoftAppId"];
        if (!string.IsNullOrWhiteSpace(appId))
        {
            var chatLink = $"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(appId)}";
            notice.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.OpenUrl, _messages.PrivateChatButton, value: chatLink)] };
        }

        TopicStamp.Set(notice, [TopicNames.BookCall]);
        return turnContext.SendActivityAsync(notice, cancellationToken);
    }
}
