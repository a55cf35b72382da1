using Xunit.Abstractions;

namespace ClinicBot.Tests.Booking.Conversations;

/// <summary>
/// Plays every conversation of booking-suite.jsonl through the real app as its own test case (named by its id),
/// in a fresh conversation, and judges it like the eval tool's booking mode.
/// </summary>
public sealed class BookingSuiteTests(SuiteBotHost host, ITestOutputHelper output) : IClassFixture<SuiteBotHost>
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var conversation in BookingSuite.Load())
        {
            data.Add(conversation.Id);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_80_conversations_with_unique_ids_and_known_outcomes()
    {
        var conversations = BookingSuite.Load();

        Assert.True(conversations.Count >= 80, $"{conversations.Count} conversations");
        Assert.Equal(conversations.Count, conversations.Select(c => c.Id).Distinct().Count());
        Assert.All(conversations, c => Assert.Contains(c.Expect.Outcome, new[] { "booked", "cancelled", "needs_retry" }));
        Assert.All(conversations, c => Assert.False(string.IsNullOrWhiteSpace(c.Kind), c.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Conversation_ends_as_scripted(string id)
    {
        var conversation = BookingSuite.Load().Single(c => c.Id == id);
        var before = (await host.Bookings.ListAsync(CancellationToken.None)).Count;
        var transcript = new List<string>();
        var replies = new List<string>();
        foreach (var turn in conversation.Turns)
        {
            transcript.Add("user: " + turn);
            var said = await host.SayAsync("suite-" + id, turn);
            replies.AddRange(said);
            transcript.AddRange(said.Select(r => "bot:  " + r));
        }

        var created = (await host.Bookings.ListAsync(CancellationToken.None)).Skip(before).ToList();
        transcript.Add("saved: " + string.Join("; ", created.Select(b => $"{b.Name} | {b.PhoneE164} | {b.Email} | {b.Callback:yyyy-MM-dd HH:mm zzz}")));
        output.WriteLine(string.Join("\n", transcript));

        var problem = SuiteJudge.Problem(conversation, created, replies, SuiteBotHost.Now);
        Assert.True(problem is null, $"{id} ({conversation.Kind}): {problem}\n" + string.Join("\n", transcript));
    }
}
