using ClinicBot.Bots;
using ClinicBot.Knowledge;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Bot;

/// <summary>The whole bot (knowledge, crisis, booking) through Bot Framework's TestAdapter.</summary>
public sealed class ConversationFlowTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Hours_are_answered_with_an_adaptive_card_a_text_summary_and_the_topic()
    {
        var replies = await SendAsync(new TestAdapter(), "what are your hours");

        var reply = Assert.Single(replies);
        var card = Assert.Single(reply.Attachments);
        Assert.Equal(AnswerSender.AdaptiveCardContentType, card.ContentType);
        Assert.Equal("1.5", ((JObject)card.Content)["version"]!.ToString());
        Assert.Contains("9:00 AM", reply.Summary);
        Assert.Equal([TopicNames.Hours], Topics(reply));
    }

    [Fact]
    public async Task Crisis_language_gets_the_fixed_crisis_reply_first_even_with_a_question()
    {
        var replies = await SendAsync(new TestAdapter(), "i want to end my life. what are your hours");

        Assert.Equal(_bot.Knowledge.CrisisReply, replies[0].Text);
        Assert.Equal(TopicNames.Crisis, Topics(replies[0])[0]);
        foreach (var line in new[] { "911", "988", "988lifeline.org", "HOME to 741741", "automated" })
        {
            Assert.Contains(line, replies[0].Text);
        }
    }

    [Fact]
    public async Task Crisis_reply_interrupts_a_booking_which_resumes_at_the_same_step_when_the_person_asks()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "book a free call");
        var askPhone = await SendAsync(adapter, "Maria Delgado");
        Assert.Contains("phone", askPhone[^1].Text, StringComparison.OrdinalIgnoreCase);

        var crisis = await SendAsync(adapter, "honestly i dont see the point of living anymore");
        Assert.Equal(_bot.Knowledge.CrisisReply, crisis[0].Text);
        Assert.DoesNotContain(crisis, reply => reply.Text?.Contains("phone number", StringComparison.OrdinalIgnoreCase) == true && reply != crisis[0]);

        var supportive = Assert.Single(await SendAsync(adapter, "832-555-0142"));
        Assert.Contains("988", supportive.Text);

        var resumed = await SendAsync(adapter, "i'm ok now, let's continue the booking");
        Assert.Contains("phone", resumed[^1].Text, StringComparison.OrdinalIgnoreCase);
        var afterPhone = await SendAsync(adapter, "832-555-0142");
        Assert.Contains("email", afterPhone[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Crisis_reply_works_when_storage_is_down()
    {
        using var bot = new BotUnderTest(storage: new FailingStorage());
        var adapter = new TestAdapter();

        var replies = await SendAsync(adapter, "i want to kill myself", bot.Bot);

        Assert.Equal(bot.Knowledge.CrisisReply, replies[0].Text);
    }

    [Fact]
    public async Task A_question_in_the_middle_of_a_booking_is_answered_and_the_pending_question_asked_again()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "i'd like to book the free call");
        await SendAsync(adapter, "James Whitfield");

        var replies = await SendAsync(adapter, "wait, where are you located?");

        Assert.Contains(replies, reply => Topics(reply).Contains(TopicNames.LocationAddress) && (reply.Text ?? reply.Summary ?? "").Contains("Eldridge"));
        Assert.Contains("phone", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        var next = await SendAsync(adapter, "(832) 555 0199");
        Assert.Contains("email", next[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_full_booking_through_the_bot_saves_one_booking()
    {
        var adapter = new TestAdapter();
        foreach (var turn in new[] { "book a free call please", "Ana Ruiz", "832.555.0117", "skip", "tuesday 10am" })
        {
            await SendAsync(adapter, turn);
        }

        var done = await SendAsync(adapter, "yes");

        var booking = Assert.Single(await _bot.Bookings.ListAsync(CancellationToken.None));
        Assert.Equal("Ana Ruiz", booking.Name);
        Assert.Equal("+18325550117", booking.PhoneE164);
        Assert.Null(booking.Email);
        Assert.Contains(booking.Reference, done[^1].Text);
        Assert.Contains("832-899-4065", done[^1].Text);
    }

    [Fact]
    public async Task A_card_submit_with_no_booking_open_gets_a_plain_answer()
    {
        var adapter = new TestAdapter();
        var submit = adapter.MakeActivity();
        submit.Value = JObject.Parse("{\"action\":\"confirm\"}");

        var replies = new List<IMessageActivity>();
        await new TestFlow(adapter, _bot.Bot.OnTurnAsync)
            .Send(submit)
            .AssertReply(reply => replies.Add((IMessageActivity)reply))
            .StartTestAsync();

        Assert.Contains("no longer open", replies[0].Text);
    }

    [Fact]
    public async Task Analytics_get_topics_and_masked_unanswered_questions_but_never_crisis_text()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "do you take insurance? call me at 832-555-0142");
        await SendAsync(adapter, "i want to kill myself");

        Assert.True(_bot.Analytics.Reader.TryRead(out var first));
        var unanswered = Assert.IsType<ClinicBot.Analytics.TurnEvent>(first);
        Assert.Equal(TopicNames.OutOfScope, unanswered.Topics[0]);
        Assert.False(unanswered.CrisisReply);
        Assert.Contains("insurance", unanswered.MaskedQuestion);
        Assert.DoesNotContain("555-0142", unanswered.MaskedQuestion);

        Assert.True(_bot.Analytics.Reader.TryRead(out var second));
        var crisis = Assert.IsType<ClinicBot.Analytics.TurnEvent>(second);
        Assert.True(crisis.CrisisReply);
        Assert.Null(crisis.MaskedQuestion);
    }

    private Task<List<IMessageActivity>> SendAsync(TestAdapter adapter, string text) => SendAsync(adapter, text, _bot.Bot);

    private static async Task<List<IMessageActivity>> SendAsync(TestAdapter adapter, string text, IBot bot)
    {
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IMessageActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            if (reply.Type == ActivityTypes.Message)
            {
                replies.Add((IMessageActivity)reply);
            }
        }

        Assert.NotEmpty(replies);
        return replies;
    }

    private static List<string> Topics(IActivity reply) =>
        (reply.ChannelData as JObject)?["clinicbot"]?["topics"]?.Select(token => token.ToString()).ToList() ?? [];

    private sealed class FailingStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("database is down");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("database is down");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("database is down");
    }
}
