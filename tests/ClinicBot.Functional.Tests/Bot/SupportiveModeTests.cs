using ClinicBot.Knowledge;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.Bot;

/// <summary>After a crisis reply the conversation stays open and gentle, through Bot Framework's TestAdapter.</summary>
public sealed class SupportiveModeTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Distress_after_a_crisis_reply_gets_supportive_lines_with_988_and_never_a_form_or_a_refusal()
    {
        var adapter = new TestAdapter();
        var crisis = await SendAsync(adapter, "i want to kill myself");
        Assert.Equal(_bot.Knowledge.CrisisTexts.Reply, crisis[0].Text);

        var seen = new List<string>();
        foreach (var message in new[] { "i don't want to call anyone, i just feel alone", "nobody cares", "whatever", "ok" })
        {
            var reply = Assert.Single(await SendAsync(adapter, message));
            Assert.Contains("988", reply.Text);
            Assert.DoesNotContain("name", reply.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("medical advice", reply.Text);
            Assert.DoesNotContain("page doesn't", reply.Text);
            seen.Add(reply.Text);
        }
        Assert.True(seen.Distinct().Count() > 1, "the supportive lines take turns");
    }

    [Fact]
    public async Task A_definite_crisis_in_supportive_mode_gets_the_fixed_crisis_reply_again()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "i want to kill myself");
        await SendAsync(adapter, "nobody cares");

        var replies = await SendAsync(adapter, "i still want to end my life tonight");

        Assert.Equal(_bot.Knowledge.CrisisTexts.Reply, replies[0].Text);
    }

    [Fact]
    public async Task Asking_a_page_question_moves_on_and_gets_the_answer()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "i want to kill myself");
        await SendAsync(adapter, "nobody cares");

        var replies = await SendAsync(adapter, "what are your opening hours");

        Assert.Contains(replies, reply => reply.Summary?.Contains("9:00 AM") == true);
    }

    [Fact]
    public async Task A_booking_in_progress_waits_and_resumes_only_when_asked()
    {
        var adapter = new TestAdapter();
        await SendAsync(adapter, "book a free call");
        await SendAsync(adapter, "Maria Delgado");

        await SendAsync(adapter, "honestly i dont see the point of living anymore");
        var whileSupportive = Assert.Single(await SendAsync(adapter, "832-555-0142"));
        Assert.Contains("988", whileSupportive.Text);

        var resumed = await SendAsync(adapter, "i'm safe now, can we continue booking the free call");
        Assert.Contains("phone", resumed[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    private Task<List<IMessageActivity>> SendAsync(TestAdapter adapter, string text) => _bot.SayAsync(adapter, text);
}
