using System.Text;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Bot;

/// <summary>
/// A crisis reply followed by four distress messages, through the real bot with every crisis signal as the app loads
/// them (the sentence model included). Asserts the supportive behaviour and writes the conversation as a transcript
/// (supportive-transcript.md in the test output folder) for the closing note.
/// </summary>
public sealed class SupportiveTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] Distress =
    [
        "i don't want to call anyone, i just feel alone",
        "nobody cares",
        "my name doesnt matter, nothing does",
        "everything feels heavy and pointless lately",
    ];

    [Fact]
    public async Task A_crisis_reply_then_four_distress_messages_get_short_supportive_lines_with_988_and_no_form()
    {
        var knowledge = ClinicKnowledge.LoadDefault(SentenceEmbedder.Shared);
        await knowledge.ModelsReady.WaitAsync(TimeSpan.FromMinutes(2));
        using var bot = new BotUnderTest(knowledge: knowledge);
        var adapter = new TestAdapter();
        var transcript = new StringBuilder();

        var crisis = await SayAsync(bot, adapter, "i want to kill myself", transcript);
        Assert.Equal(knowledge.CrisisTexts.Reply, crisis[0].Text);
        Assert.Equal("crisis", TopicsOf(crisis[0])[0]);

        var lines = new List<string>();
        foreach (var message in Distress)
        {
            var reply = Assert.Single(await SayAsync(bot, adapter, message, transcript));
            Assert.Contains("988", reply.Text);
            Assert.Contains("crisis", TopicsOf(reply));
            Assert.True(reply.Text.Length < 320, $"a supportive line is short, not a lecture: {reply.Text.Length} characters");
            Assert.DoesNotContain("name", reply.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("medical advice", reply.Text);
            Assert.DoesNotContain("page doesn't", reply.Text);
            Assert.DoesNotContain("832-899-4065", reply.Text); // no booking or clinic hand-off while distressed
            Assert.Null(reply.Attachments?.FirstOrDefault()); // no booking card
            Assert.NotEqual(knowledge.CrisisTexts.SupportiveGoodbye, reply.Text); // distress is not taken for a goodbye
            lines.Add(reply.Text!);
        }
        Assert.Equal(Distress.Length, lines.Distinct().Count());

        var path = Path.Combine(AppContext.BaseDirectory, "supportive-transcript.md");
        await File.WriteAllTextAsync(path, transcript.ToString());
        output.WriteLine(transcript.ToString());
    }

    private static async Task<List<IMessageActivity>> SayAsync(BotUnderTest bot, TestAdapter adapter, string text, StringBuilder transcript)
    {
        var replies = await bot.SayAsync(adapter, text);
        transcript.Append("**person:** ").AppendLine(text).AppendLine();
        foreach (var reply in replies)
        {
            transcript.Append("**bot** [").Append(string.Join(", ", TopicsOf(reply))).Append("]: ")
                .AppendLine(reply.Text?.Replace("\n", "\n> ")).AppendLine();
        }
        return replies;
    }

    private static List<string> TopicsOf(IMessageActivity reply) =>
        (reply.ChannelData as JObject)?["clinicbot"]?["topics"]?.Select(token => token.ToString()).ToList() ?? [];
}
