using ClinicBot.Channels.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace ClinicBot.Bots;

/// <summary>
/// ClinicBot's one bot class, used by every channel (/api/messages, the local Direct Line, Teams).
/// </summary>
public sealed class ClinicActivityHandler : TeamsActivityHandler
{
    private readonly ConversationState _conversationState;
    private readonly BotMessages _messages;

    public ClinicActivityHandler(ConversationState conversationState, BotMessages messages)
    {
        _conversationState = conversationState;
        _messages = messages;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Saves only what the turn loaded and changed; a turn that never touched state writes nothing.
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

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

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var reply = ReplyFactory.TextWithSuggestions(_messages.Help, _messages.WelcomeSuggestions);
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcome = ReplyFactory.TextWithSuggestions(_messages.Welcome, _messages.WelcomeSuggestions);
        return turnContext.SendActivityAsync(welcome, cancellationToken);
    }
}
