using System.Net.Http.Json;
using ClinicBot.Storage;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ClinicBot.Testing.Hosting;

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
        const int count = 3;
        // The two turns always collide: a barrier holds the first save until the second turn has read the state.
        var barrier = new CollisionBarrier();
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IJsonStateStorage>(provider =>
                new CollidingStateStorage(ActivatorUtilities.CreateInstance<BotStateStorage>(provider), barrier))));
        await using var sink = await ChannelSink.StartAsync();
        using var client = app.CreateClient();
        var names = PersonNames.Distinct(count);

        var conversations = await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            var conversation = "held-" + Guid.NewGuid().ToString("N");
            await PostAsync(client, sink, conversation, "I'd like to book a free call");
            var before = await WaitForRepliesAsync(sink, conversation, atLeast: 2);

            barrier.Arm(conversation);
            var name = Task.Run(() => PostAsync(client, sink, conversation, names[index]));
            var phone = Task.Run(() => PostAsync(client, sink, conversation, "832-555-0142"));
            await Task.WhenAll(name, phone);
            return (Id: conversation, RepliesBeforeRace: before, Conflicts: barrier.Disarm(conversation));
        }));

        // Replies are POSTed before each request returns, so every reply the turns sent has arrived by now.
        output.WriteLine($"{conversations.Length} conversations with two simultaneous turns over serviceUrl replies; conflicting saves: {string.Join(", ", conversations.Select(c => c.Conflicts))}");
        foreach (var (conversation, before, conflicts) in conversations)
        {
            Assert.Equal(1, conflicts);
            var replies = RepliesTo(sink, conversation).Skip(before).ToList();
            var asked = replies.Select(reply => BookingPlayer.Classify([reply])).ToList();
            var detail = string.Join(" | ", replies);
            // Run one after the other, the turn that came first asks for the missing detail (the phone after the
            // name, or the name after the phone) and the other asks for the email. A discarded run answered as if
            // it came first as well, so its reply would ask for the name AND the phone.
            Assert.False(asked.Contains(BookingQuestion.Name) && asked.Contains(BookingQuestion.Phone), $"a discarded run's reply reached the channel: {detail}");
            Assert.True(asked.Count(question => question == BookingQuestion.Email) == 1, $"expected one email question: {detail}");
        }
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
