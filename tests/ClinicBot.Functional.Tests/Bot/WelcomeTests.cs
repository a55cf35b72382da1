using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.Bot;

public sealed class WelcomeTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Welcomes_a_user_who_joins_with_the_main_suggestions()
    {
        var adapter = new TestAdapter();
        var expected = _bot.Knowledge.Welcome();

        await new TestFlow(adapter, _bot.Bot.OnTurnAsync)
            .Send(MembersAdded(adapter, adapter.Conversation.User))
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.Equal(expected.Text, message.Text);
                Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", message.Text);
                var titles = message.SuggestedActions.Actions.Select(action => action.Title).ToList();
                Assert.Equal(expected.SuggestedActions, titles);
                Assert.Contains(titles, title => title.Contains("book", StringComparison.OrdinalIgnoreCase));
                Assert.Contains(titles, title => title.Contains("hours", StringComparison.OrdinalIgnoreCase));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_welcome_the_bot_itself()
    {
        var adapter = new TestAdapter();

        await new TestFlow(adapter, _bot.Bot.OnTurnAsync)
            .Send(MembersAdded(adapter, adapter.Conversation.Bot))
            .AssertNoReply("the bot joining its own conversation is not a visitor")
            .StartTestAsync();
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
