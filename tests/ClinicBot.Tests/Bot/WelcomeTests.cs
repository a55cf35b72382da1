using ClinicBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.Bot;

public class WelcomeTests
{
    private static readonly BotMessages Messages = BotMessages.LoadDefault();

    [Fact]
    public async Task Welcomes_a_user_who_joins_with_the_main_suggestions()
    {
        var adapter = new TestAdapter();
        var bot = new ClinicActivityHandler(new ConversationState(new MemoryStorage()), Messages);

        await new TestFlow(adapter, bot.OnTurnAsync)
            .Send(MembersAdded(adapter, adapter.Conversation.User))
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.Equal(Messages.Welcome, message.Text);
                var titles = message.SuggestedActions.Actions.Select(action => action.Title).ToList();
                Assert.Equal(Messages.WelcomeSuggestions, titles);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_welcome_the_bot_itself()
    {
        var adapter = new TestAdapter();
        var bot = new ClinicActivityHandler(new ConversationState(new MemoryStorage()), Messages);

        await new TestFlow(adapter, bot.OnTurnAsync)
            .Send(MembersAdded(adapter, adapter.Conversation.Bot))
            .AssertNoReply("the bot joining its own conversation is not a visitor")
            .StartTestAsync();
    }

    [Fact]
    public async Task Welcome_text_names_the_clinic_and_points_emergencies_elsewhere()
    {
        Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", Messages.Welcome);
        Assert.Contains("911", Messages.Welcome);
        Assert.Contains("988", Messages.Welcome);
        Assert.Contains("832-899-4065", Messages.TurnError);
        await Task.CompletedTask;
    }

    private static Activity MembersAdded(TestAdapter adapter, ChannelAccount member) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [member],
        Recipient = adapter.Conversation.Bot,
        From = adapter.Conversation.User,
        Conversation = adapter.Conversation.Conversation,
        ChannelId = adapter.Conversation.ChannelId,
        ServiceUrl = adapter.Conversation.ServiceUrl,
    };
}
