using System.Net.Http.Json;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Staff.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// The standard reply path (the bot POSTs replies to the channel's serviceUrl, as Azure channels and Teams use):
/// when two turns of one conversation race and one is re-run on fresh state, the channel receives only the replies
/// of the run that was saved; the discarded run's replies never reach it.
/// </summary>
[Trait("Category", "Faults")]
public sealed class HeldRepliesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_turn_re_run_after_a_conflicting_save_sends_the_channel_only_the_replies_of_the_saved_run()
    {
        const int batch = 10;
        const int maxBatches = 6;
        var logs = new CapturingLoggerProvider();
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        await using var sink = await ChannelSink.StartAsync();
        using var client = app.CreateClient();
        var names = PersonNames.Distinct(batch * maxBatches);

        var conversations = new List<(string Id, int RepliesBeforeRace)>();
        var reruns = 0;
        for (var round = 0; round < maxBatches && reruns == 0; round++)
        {
            conversations.AddRange(await Task.WhenAll(Enumerable.Range(round * batch, batch).Select(async index =>
            {
                var conversation = "held-" + Guid.NewGuid().ToString("N");
                await PostAsync(client, sink, conversation, "I'd like to book a free call");
                var before = await WaitForRepliesAsync(sink, conversation, atLeast: 2);

                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var name = Task.Run(async () => { await go.Task; await PostAsync(client, sink, conversation, names[index]); });
                var phone = Task.Run(async () => { await go.Task; await PostAsync(client, sink, conversation, "832-555-0142"); });
                go.SetResult();
                await Task.WhenAll(name, phone);
                return (conversation, before);
            })));
            reruns = logs.Entries.Count(entry => entry.Contains("re-running the turn on fresh state", StringComparison.Ordinal));
        }

        // Replies are POSTed before each request returns; a little more time lets any stray reply arrive.
        await Task.Delay(300);
        output.WriteLine($"{conversations.Count} conversations with two simultaneous turns over serviceUrl replies; turns re-run after a conflict: {reruns}");
        foreach (var (conversation, before) in conversations)
        {
            var replies = RepliesTo(sink, conversation).Skip(before).ToList();
            var asked = replies.Select(reply => BookingPlayer.Classify([reply])).ToList();
            var detail = string.Join(" | ", replies);
            // Run one after the other, the turn that came first asks for the missing detail (the phone after the
            // name, or the name after the phone) and the other asks for the email. A discarded run answered as if
            // it came first as well, so its reply would ask for the name AND the phone.
            Assert.False(asked.Contains(BookingQuestion.Name) && asked.Contains(BookingQuestion.Phone), $"a discarded run's reply reached the channel: {detail}");
            Assert.True(asked.Count(question => question == BookingQuestion.Email) == 1, $"expected one email question: {detail}");
        }

        Assert.True(reruns > 0, "the simultaneous turns never collided, so this run proved nothing about discarded replies");
    }

    private static async Task PostAsync(HttpClient client, ChannelSink sink, string conversation, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message(text, conversation, sink.ServiceUrl));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<int> WaitForRepliesAsync(ChannelSink sink, string conversation, int atLeast)
    {
        for (var waited = 0; waited < 100 && RepliesTo(sink, conversation).Count < atLeast; waited++)
        {
            await Task.Delay(50);
        }

        return RepliesTo(sink, conversation).Count;
    }

    private static List<BotReply> RepliesTo(ChannelSink sink, string conversation) =>
        sink.Received
            .Where(activity => (string?)activity["conversation"]?["id"] == conversation && (string?)activity["type"] == "message")
            .Select(BotReply.From)
            .ToList();
}
