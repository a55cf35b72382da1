using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;

namespace ClinicBot.Bots;

/// <summary>Kept in the conversation state after a crisis reply, until the person clearly moves on.</summary>
public sealed class SupportState
{
    public bool Active { get; set; }

    public bool Spanish { get; set; }

    /// <summary>How many supportive lines were sent, so they take turns.</summary>
    public int LinesSent { get; set; }
}

/// <summary>
/// After a crisis reply the conversation stays gentle: no booking starts, no "doesn't look like a name", no
/// "I can't give medical advice". Distress gets short supportive lines that repeat the resources; a goodbye gets a
/// warm one. It ends when the person moves on: a question the page answers, asking to book, or saying they are safe.
/// A booking that was in progress resumes only when the person asks for it.
/// </summary>
public sealed class SupportiveMode(ConversationState conversationState, ClinicKnowledge knowledge)
{
    private static readonly HashSet<string> MovingOnTopics = new(StringComparer.Ordinal)
    {
        TopicNames.Help, TopicNames.BookCall, TopicNames.Hours, TopicNames.OpenNow, TopicNames.LocationAddress,
        TopicNames.DirectionsParkingSuite, TopicNames.PhoneContact, TopicNames.Fax,
        TopicNames.WhatIsKetamineTherapy, TopicNames.MechanismNmda, TopicNames.MechanismPlasticity, TopicNames.MechanismBdnf,
        TopicNames.OnsetSpeed, TopicNames.ComprehensivePlan, TopicNames.PermanenceMaintenance, TopicNames.ConsultProfessional,
    };

    private const string EndedKey = "ClinicBot.SupportiveModeEnded";

    private readonly IStatePropertyAccessor<SupportState> _state = conversationState.CreateProperty<SupportState>(nameof(SupportState));

    /// <summary>Starts supportive mode after a crisis reply. Best effort: the crisis reply never depends on storage.</summary>
    public async Task StartAsync(ITurnContext turnContext, CrisisAssessment crisis, CancellationToken cancellationToken)
    {
        try
        {
            var state = await _state.GetAsync(turnContext, () => new SupportState(), cancellationToken).ConfigureAwait(false);
            state.Active = true;
            state.Spanish = crisis.Spanish;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Deliberately broad: the crisis reply is already out and must not be followed by an error. Without the
            // state the next message is answered as usual; the crisis check still runs first on it.
        }
    }

    /// <summary>
    /// Answers the message in supportive mode, or returns false when it is not active or the person moved on
    /// (the mode then ends and the message is handled as usual).
    /// </summary>
    public async Task<bool> TryRespondAsync(ITurnContext turnContext, Lazy<Understanding> understood, string text, CancellationToken cancellationToken)
    {
        // No default value: a conversation that never had a crisis reply keeps its state untouched (no extra write).
        var state = await _state.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        if (state is not { Active: true }) return false;
        var understanding = understood.Value;
        if (MovesOn(understanding, text))
        {
            await _state.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            turnContext.TurnState.Add(EndedKey, (object)true);
            return false;
        }

        // A goodbye gets the warm goodbye line, unless the message also carries risk ("im so tired of everything" can
        // read as a goodbye): distress always gets a supportive line.
        var answer = understanding.PrimaryTopic == TopicNames.ThanksGoodbye && understanding.Crisis.Tier == CrisisTier.None
            ? new Answer(TopicNames.Crisis, knowledge.CrisisTexts.Goodbye(state.Spanish), null, [])
            : knowledge.Supportive(state.LinesSent++, state.Spanish || understanding.Crisis.Spanish);
        await AnswerSender.SendAsync(turnContext, [answer], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when this turn's message ended supportive mode (a booking in progress is then asked again, not continued).</summary>
    public bool EndedThisTurn(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(EndedKey);

    private bool MovesOn(Understanding understanding, string text) =>
        knowledge.SaysSafe(text)
        || (understanding.Band == AnswerBand.Answer && !understanding.Crisis.IsPossible && MovingOnTopics.Contains(understanding.PrimaryTopic));
}
