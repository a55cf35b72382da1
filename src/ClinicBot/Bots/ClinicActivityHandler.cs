using ClinicBot.Analytics;
using ClinicBot.Channels.Teams;
using ClinicBot.Dialogs;
using ClinicBot.Booking;
using ClinicBot.Booking.Understanding;
using ClinicBot.Knowledge;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace ClinicBot.Bots;

/// <summary>
/// ClinicBot's one bot class, used by every channel (/api/messages, the local Direct Line, Teams).
/// Every message goes through the same order: crisis first (no state, no database), then a booking in
/// progress, then the clinic's page.
/// Replies are held until the conversation state is saved, and a turn that loses its save to a concurrent turn
/// is re-run (<see cref="SavedTurnRunner"/>); a database that cannot be reached gets one plain apology with the
/// clinic's phone, while page answers and the crisis reply still go out.
/// </summary>
public sealed partial class ClinicActivityHandler : TeamsActivityHandler
{
    private readonly SavedTurnRunner _savedTurn;
    private readonly ClinicKnowledge _knowledge;
    private readonly ClinicDialogs _dialogs;
    private readonly SupportiveMode _supportive;
    private readonly BotMessages _messages;
    private readonly TimeProvider _clock;
    private readonly IConversationAnalytics _analytics;
    private readonly IConfiguration _configuration;
    private readonly ILogger<ClinicActivityHandler> _logger;

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
        _savedTurn = new SavedTurnRunner(conversationState, messages, logger);
        _knowledge = knowledge;
        _dialogs = dialogs;
        _supportive = new SupportiveMode(conversationState, knowledge);
        _messages = messages;
        _clock = clock;
        _configuration = configuration;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var saved = await _savedTurn.RunAsync(
            turnContext,
            () =>
            {
                PendingTurnAnalytics.Clear(turnContext);
                return base.OnTurnAsync(turnContext, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);

        if (saved && PendingTurnAnalytics.Get(turnContext) is { } analytics)
        {
            // Queues and returns at once; recorded once per turn, however many times the turn ran.
            await _analytics.RecordTurnAsync(analytics, cancellationToken).ConfigureAwait(false);
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
        PendingTurnAnalytics.Set(turnContext, new TurnAnalytics(_clock.GetUtcNow(), activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? string.Empty, answered, isCrisis, unanswered));
    }

    private async Task RespondAsync(ITurnContext<IMessageActivity> turnContext, string text, CancellationToken cancellationToken)
    {
        // Crisis language is answered before anything else, in every state, without touching storage:
        // a booking in progress stays where it was and can be resumed.
        var crisisCheck = _knowledge.CheckCrisis(text);
        if (crisisCheck.IsCrisis)
        {
            HeldReplies.SendImmediately(turnContext);
            await AnswerSender.SendAsync(turnContext, _knowledge.Answer(_knowledge.Understand(crisisCheck), _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            await _supportive.StartAsync(turnContext, crisisCheck.Assessment, cancellationToken).ConfigureAwait(false);
            return;
        }

        DialogContext dialogContext;
        try
        {
            dialogContext = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageOutage.IsOutage(exception))
        {
            LogStorageUnavailable(exception.GetType().Name);
            await RespondWithoutStateAsync(turnContext, crisisCheck, cancellationToken).ConfigureAwait(false);
            return;
        }

        // After a crisis reply: supportive lines until the person moves on. A booking that was in progress resumes
        // (its question asked again) only when they ask for it.
        var understood = new Lazy<Understanding>(() => _knowledge.Understand(crisisCheck));
        if (await _supportive.TryRespondAsync(turnContext, understood, text, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (dialogContext.ActiveDialog is not null)
        {
            TopicStamp.StampUnmarkedReplies(turnContext, [TopicNames.BookCall]);
            if (_supportive.EndedThisTurn(turnContext))
            {
                await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await dialogContext.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is not null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(_messages.StaleCard), cancellationToken).ConfigureAwait(false);
            return;
        }

        var understanding = understood.Value;
        var answers = _knowledge.Answer(understanding, _clock.GetUtcNow());
        var asksForCall = understanding.Band == AnswerBand.Answer && understanding.Topics.Contains(TopicNames.BookCall);
        var handsOverDetails = !asksForCall && OfferedDetails.NameAndPhone(text);
        if (understanding.IsCrisis || !(asksForCall || handsOverDetails))
        {
            await AnswerSender.SendAsync(turnContext, answers, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Other questions in the same message are answered first, then the booking starts; a possible crisis's
        // check-in comes last, after the booking's first question. Details handed over without a question are
        // only booked (the greeting around them is not answered).
        var otherAnswers = handsOverDetails ? []
            : answers.Where(answer => answer.Topic is not TopicNames.BookCall and not TopicNames.Crisis).Select(answer => answer with { SuggestedActions = [] }).ToList();
        var checkIn = answers.Where(answer => answer.Topic == TopicNames.Crisis).Select(answer => answer with { SuggestedActions = [] }).ToList();
        await AnswerSender.SendAsync(turnContext, otherAnswers, cancellationToken).ConfigureAwait(false);

        if (TeamsConversation.IsShared(turnContext))
        {
            await SendPrivateBookingNoticeAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await AnswerSender.SendAsync(turnContext, checkIn, cancellationToken).ConfigureAwait(false);
            return;
        }

        TopicStamp.StampUnmarkedReplies(turnContext, [TopicNames.BookCall]);
        await dialogContext.BeginDialogAsync(BookingDialog.Id, new BookingOptions(text), cancellationToken).ConfigureAwait(false);
        await AnswerSender.SendAsync(turnContext, checkIn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The database is down, so there is no booking state to read or write. The clinic's page needs none: its
    /// answers still go out. A booking request, or a message that may belong to a booking in progress (anything
    /// the page cannot answer), gets one apology with the clinic's phone; nothing is saved.
    /// </summary>
    private async Task RespondWithoutStateAsync(ITurnContext<IMessageActivity> turnContext, CrisisCheck crisisCheck, CancellationToken cancellationToken)
    {
        var understanding = _knowledge.Understand(crisisCheck);
        // Only a confident page question is answered; anything that may belong to a booking (contact details, an
        // unclear message, a greeting or thanks, which is also what a bare name like "Maria Alvarez" reads as) gets
        // the apology.
        var answerable = understanding.Band == AnswerBand.Answer && !understanding.HasContactDetails;
        var pageAnswers = (answerable ? _knowledge.Answer(understanding, _clock.GetUtcNow()) : [])
            .Where(answer => !NotPageTopics.Contains(answer.Topic))
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

    private static readonly HashSet<string> NotPageTopics = new(StringComparer.Ordinal)
    {
        TopicNames.BookCall, TopicNames.OutOfScope, TopicNames.Greeting, TopicNames.ThanksGoodbye, TopicNames.Help,
    };

    private bool IsNotBookingSuggestion(string suggestion) => !_knowledge.Understand(suggestion).Topics.Contains(TopicNames.BookCall);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}) while reading the conversation; answered without state")]
    private partial void LogStorageUnavailable(string exceptionType);

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
