using System.Diagnostics;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Issue 8, part 3: two app instances (separate processes, two loopback ports) share one database; a
/// conversation can move between them turn by turn, and concurrent turns neither lose nor double anything.
/// Whether two simultaneous turns collide here depends on timing, so these tests hold whether or not they do;
/// <see cref="ForcedCollisionTests"/> makes them collide every time.
/// </summary>
public abstract class MultiInstanceTests(TwoInstances instances, ITestOutputHelper output)
{
    private const string Phone = "832-555-0142";
    private const string PhoneE164 = "+18325550142";
    private const string ConflictLogLine = "re-running the turn on fresh state";

    [SkippableFact]
    public async Task A_conversation_whose_turns_alternate_between_two_instances_completes_a_booking()
    {
        await instances.StartAsync();
        var conversation = NewConversationId();
        var served = new List<string>();
        var player = new BookingPlayer("Maria Alvarez", Phone);

        var reference = await player.CompleteAsync((text, turn) =>
        {
            var instance = instances.Both[turn % 2];
            served.Add(instance.Name);
            return BotClient.SayAsync(instance.Client, conversation, text);
        });

        output.WriteLine($"{instances.Backend.Description}: booked {reference} in {served.Count} turns: {string.Join(", ", served)}");
        Assert.True(served.Count >= 5, "a booking takes several turns");
        Assert.Contains("instance-1", served);
        Assert.Contains("instance-2", served);
        var row = Assert.Single(await instances.Backend.BookingsAsync(), booking => booking.Reference == reference);
        Assert.Equal("Maria Alvarez", row.Name);
        Assert.Equal(PhoneE164, row.PhoneE164);
        Assert.Equal("test", row.Channel);
    }

    [SkippableFact]
    public async Task Two_hundred_concurrent_booking_conversations_over_both_instances_give_exactly_200_distinct_bookings()
    {
        const int conversations = 200;
        await instances.StartAsync();
        var before = await instances.Backend.BookingsAsync();
        var conflictsBefore = instances.CountLogLines(ConflictLogLine);
        var names = PersonNames.Distinct(conversations);
        var turns = 0;
        var perInstance = new int[2];

        var clock = Stopwatch.StartNew();
        var references = await Task.WhenAll(names.Select((name, index) => Task.Run(async () =>
        {
            var conversation = NewConversationId();
            var player = new BookingPlayer(name, Phone);
            return await player.CompleteAsync((text, turn) =>
            {
                // Each conversation alternates instances turn by turn, half of them starting on each.
                var instance = (index + turn) % 2;
                Interlocked.Increment(ref turns);
                Interlocked.Increment(ref perInstance[instance]);
                return BotClient.SayAsync(instances.Both[instance].Client, conversation, text);
            });
        })));
        clock.Stop();

        var stored = (await instances.Backend.BookingsAsync()).Where(booking => before.All(old => old.Reference != booking.Reference)).ToList();
        output.WriteLine(
            $"{instances.Backend.Description}: {conversations} concurrent booking conversations, {turns} turns " +
            $"(instance-1 {perInstance[0]}, instance-2 {perInstance[1]}) in {clock.Elapsed.TotalSeconds:0.0} s = " +
            $"{turns / clock.Elapsed.TotalSeconds:0} turns/s, {conversations / clock.Elapsed.TotalSeconds:0.0} bookings/s; " +
            $"{stored.Count} new booking rows, {stored.Select(row => row.IdempotencyKey).Distinct().Count()} distinct; " +
            $"conflicting saves re-run: {instances.CountLogLines(ConflictLogLine) - conflictsBefore}");

        Assert.Equal(conversations, references.Distinct().Count());
        Assert.Equal(conversations, stored.Count);
        Assert.Equal(conversations, stored.Select(row => row.IdempotencyKey).Distinct().Count());
        Assert.Equal(references.Order(StringComparer.Ordinal), stored.Select(row => row.Reference).Order(StringComparer.Ordinal));
        Assert.Equal(names.Order(StringComparer.Ordinal), stored.Select(row => row.Name).Order(StringComparer.Ordinal));
        Assert.All(stored, row => Assert.Equal(PhoneE164, row.PhoneE164));
    }

    [SkippableFact]
    public async Task Two_turns_of_one_conversation_at_once_on_two_instances_lose_no_update_in_a_booking_in_progress()
    {
        // Both turns change the booking (one gives the name, the other the phone), each on another process. With
        // last-writer-wins one of them would be lost and the bot would ask for it again.
        var (results, conflicts) = await RaceAsync(async (name, index) =>
        {
            var conversation = NewConversationId();
            var start = await BotClient.SayAsync(instances.Both[index % 2].Client, conversation, "I'd like to book a free call");
            Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(start));
            return await AtOnceAsync(
                conversation,
                () => BotClient.SayAsync(instances.Both[index % 2].Client, conversation, name),
                () => BotClient.SayAsync(instances.Both[(index + 1) % 2].Client, conversation, Phone));
        });

        output.WriteLine($"{instances.Backend.Description}: {results.Count} conversations with two simultaneous turns (name and phone); conflicting saves re-run: {conflicts}");
        await AssertNothingLostAsync(results);
    }

    [SkippableFact]
    public async Task Two_first_turns_of_one_conversation_at_once_on_two_instances_lose_no_update_when_no_state_exists_yet()
    {
        // Both first turns start the booking with a different detail. There is no stored state (no ETag) yet, so
        // the later save must not overwrite the first: the storage creates only, the loser re-runs on the state
        // the winner created and adds its detail. Last-writer-wins would lose the name or the phone.
        var (results, conflicts) = await RaceAsync((name, index) =>
        {
            var conversation = NewConversationId();
            return AtOnceAsync(
                conversation,
                () => BotClient.SayAsync(instances.Both[index % 2].Client, conversation, $"I'd like to book a free call, my name is {name}"),
                () => BotClient.SayAsync(instances.Both[(index + 1) % 2].Client, conversation, $"Can I book a free call? My number is {Phone}"));
        });

        output.WriteLine($"{instances.Backend.Description}: {results.Count} conversations opened by two simultaneous first turns; conflicting saves re-run: {conflicts}");
        await AssertNothingLostAsync(results);
    }

    /// <summary>
    /// Plays <c>12</c> pairs of simultaneous turns at once, then completes each conversation as a booking; returns
    /// the results and how many saves conflicted (and were re-run), which depends on the machine's timing.
    /// </summary>
    private async Task<(List<RaceResult> Results, int Conflicts)> RaceAsync(Func<string, int, Task<RacedTurns>> race)
    {
        const int pairs = 12;
        await instances.StartAsync();
        await WarmConnectionsAsync(pairs);
        var names = PersonNames.Distinct(pairs);
        var conflictsBefore = instances.CountLogLines(ConflictLogLine);
        var results = (await Task.WhenAll(Enumerable.Range(0, pairs).Select(index => Task.Run(async () =>
        {
            var name = names[index];
            var raced = await race(name, index);
            var player = new BookingPlayer(name, Phone);
            // The turn that ran second saw both answers: go on from its replies.
            var later = BookingPlayer.Classify(raced.First) is BookingQuestion.Name or BookingQuestion.Phone ? raced.Second : raced.First;
            var reference = await player.ContinueAsync((text, turn) => BotClient.SayAsync(instances.Both[turn % 2].Client, raced.Conversation, text), later);
            return new RaceResult(name, reference, player.Asked, $"[{string.Join(" | ", raced.First)}] and [{string.Join(" | ", raced.Second)}]");
        })))).ToList();

        return (results, instances.CountLogLines(ConflictLogLine) - conflictsBefore);
    }

    private async Task AssertNothingLostAsync(List<RaceResult> results)
    {
        var stored = await instances.Backend.BookingsAsync();
        foreach (var result in results)
        {
            Assert.False(result.Asked.Contains(BookingQuestion.Name) || result.Asked.Contains(BookingQuestion.Phone), $"asked again: {string.Join(", ", result.Asked)}; the simultaneous turns answered {result.Detail}");
            var row = Assert.Single(stored, booking => booking.Reference == result.Reference);
            Assert.Equal(result.Name, row.Name);
            Assert.Equal(PhoneE164, row.PhoneE164);
        }
    }

    /// <summary>Opens enough connections to both instances first, so neither side of a race pays for a TCP handshake.</summary>
    private async Task WarmConnectionsAsync(int parallel)
    {
        await Task.WhenAll(instances.Both.SelectMany(instance => Enumerable.Range(0, parallel * 2).Select(async _ =>
        {
            using var response = await instance.Client.GetAsync("/health/live");
        })));
    }

    private static async Task<RacedTurns> AtOnceAsync(string conversation, Func<Task<IReadOnlyList<BotReply>>> first, Func<Task<IReadOnlyList<BotReply>>> second)
    {
        // Both requests are released by one signal (no thread blocks waiting for the other).
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Task.Run(async () => { await go.Task; return await first(); });
        var b = Task.Run(async () => { await go.Task; return await second(); });
        go.SetResult();
        return new RacedTurns(conversation, await a, await b);
    }

    public sealed record RacedTurns(string Conversation, IReadOnlyList<BotReply> First, IReadOnlyList<BotReply> Second);

    public sealed record RaceResult(string Name, string Reference, List<BookingQuestion> Asked, string Detail);

    private static string NewConversationId() => "faults-" + Guid.NewGuid().ToString("N");
}

[Trait("Category", "Faults")]
public sealed class SqliteMultiInstanceTests(SqliteTwoInstances instances, ITestOutputHelper output)
    : MultiInstanceTests(instances, output), IClassFixture<SqliteTwoInstances>;

[Trait("Category", "Faults")]
public sealed class PostgresMultiInstanceTests(PostgresTwoInstances instances, ITestOutputHelper output)
    : MultiInstanceTests(instances, output), IClassFixture<PostgresTwoInstances>;
