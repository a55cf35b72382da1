using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StockEchoBot.Bots;

public class EchoBot : ActivityHandler
{
    // The sample sends one echo; the benchmark's baseline sends three replies per turn, like a bot that
    // answers, adds a detail and offers suggestions.
    private const int RepliesPerTurn = 3;

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        for (var reply = 1; reply <= RepliesPerTurn; reply++)
        {
            var replyText = $"Echo {reply}: {turnContext.Activity.Text}";
            await turnContext.SendActivityAsync(MessageFactory.Text(replyText, replyText), cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var welcomeText = "Hello and welcome!";
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(welcomeText, welcomeText), cancellationToken);
            }
        }
    }
}
