using System.Diagnostics;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Issue 8, part 3: two app instances (separate processes, two loopback ports) share one database; a
/// conversation can move between them turn by turn, and concurrent turns neither lose nor double anything.
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
            $"conflicting saves re-run: {instances.CountLogLines(ConflictLogLine)}");

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
        // Both turns change the booking (one gives the name, the other the phone). With last-writer-wins one
        // of them would be lost and the bot would ask for it again; each pair also races on two processes.
        const int pairs = 12;
        await instances.StartAsync();
        var conflictsBefore = instances.CountLogLines(ConflictLogLine);

        var results = await Task.WhenAll(Enumerable.Range(0, pairs).Select(index => Task.Run(async () =>
        {
            var conversation = NewConversationId();
            var name = PersonNames.Distinct(pairs)[index];
            var start = await BotClient.SayAsync(instances.First.Client, conversation, "I'd like to book a free call");
            Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(start));

            var (nameReplies, phoneReplies) = await AtOnceAsync(
                () => BotClient.SayAsync(instances.First.Client, conversation, name),
                () => BotClient.SayAsync(instances.Second.Client, conversation, Phone));
            var player = new BookingPlayer(name, Phone);
            // The turn that ran second saw both answers, so the next question is neither name nor phone.
            var later = BookingPlayer.Classify(nameReplies) is BookingQuestion.Name or BookingQuestion.Phone ? phoneReplies : nameReplies;
            var reference = await player.ContinueAsync((text, turn) => BotClient.SayAsync(instances.Both[turn % 2].Client, conversation, text), later);
            return (name, reference, player.Asked);
        })));

        var conflicts = instances.CountLogLines(ConflictLogLine) - conflictsBefore;
        output.WriteLine($"{instances.Backend.Description}: {pairs} conversations with two simultaneous turns; conflicting saves re-run: {conflicts}");
        var stored = await instances.Backend.BookingsAsync();
        foreach (var (name, reference, asked) in results)
        {
            Assert.DoesNotContain(BookingQuestion.Name, asked);
            Assert.DoesNotContain(BookingQuestion.Phone, asked);
            var row = Assert.Single(stored, booking => booking.Reference == reference);
            Assert.Equal(name, row.Name);
            Assert.Equal(PhoneE164, row.PhoneE164);
        }

        Assert.True(conflicts > 0, "the simultaneous turns should have collided at least once (else this test proved nothing)");
    }

    [SkippableFact]
    public async Task Two_first_turns_of_one_conversation_at_once_on_two_instances_lose_no_update_when_no_state_exists_yet()
    {
        // Both first turns start the booking with a different detail. There is no stored state (no ETag) yet, so
        // the later save must not overwrite the first: the storage creates only, the loser re-runs on the state
        // the winner created and adds its detail. Last-writer-wins would lose the name or the phone.
        const int pairs = 12;
        await instances.StartAsync();
        var conflictsBefore = instances.CountLogLines(ConflictLogLine);

        var results = await Task.WhenAll(Enumerable.Range(0, pairs).Select(index => Task.Run(async () =>
        {
            var conversation = NewConversationId();
            var name = PersonNames.Distinct(pairs)[index];
            var (withName, withPhone) = await AtOnceAsync(
                () => BotClient.SayAsync(instances.First.Client, conversation, $"I'd like to book a free call, my name is {name}"),
                () => BotClient.SayAsync(instances.Second.Client, conversation, $"Can I book a free call? My number is {Phone}"));
            var player = new BookingPlayer(name, Phone);
            var later = BookingPlayer.Classify(withName) is BookingQuestion.Name or BookingQuestion.Phone ? withPhone : withName;
            var reference = await player.ContinueAsync((text, turn) => BotClient.SayAsync(instances.Both[turn % 2].Client, conversation, text), later);
            return (name, reference, player.Asked, first: string.Join(" | ", withName), second: string.Join(" | ", withPhone));
        })));

        var conflicts = instances.CountLogLines(ConflictLogLine) - conflictsBefore;
        output.WriteLine($"{instances.Backend.Description}: {pairs} conversations opened by two simultaneous first turns; conflicting saves re-run: {conflicts}");
        var stored = await instances.Backend.BookingsAsync();
        foreach (var (name, reference, asked, first, second) in results)
        {
            Assert.False(asked.Contains(BookingQuestion.Name) || asked.Contains(BookingQuestion.Phone), $"asked again: {string.Join(", ", asked)}; first turns answered: [{first}] and [{second}]");
            var row = Assert.Single(stored, booking => booking.Reference == reference);
            Assert.Equal(name, row.Name);
            Assert.Equal(PhoneE164, row.PhoneE164);
        }

        Assert.True(conflicts > 0, "the simultaneous first turns should have collided at least once (else this test proved nothing)");
    }

    private static async Task<(T First, T Second)> AtOnceAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        using var gate = new Barrier(2);
        var a = Task.Run(() => { gate.SignalAndWait(); return first(); });
        var b = Task.Run(() => { gate.SignalAndWait(); return second(); });
        return (await a, await b);
    }

    private static string NewConversationId() => "faults-" + Guid.NewGuid().ToString("N");
}

[Trait("Category", "Faults")]
public sealed class SqliteMultiInstanceTests(SqliteTwoInstances instances, ITestOutputHelper output)
    : MultiInstanceTests(instances, output), IClassFixture<SqliteTwoInstances>;

[Trait("Category", "Faults")]
public sealed class PostgresMultiInstanceTests(PostgresTwoInstances instances, ITestOutputHelper output)
    : MultiInstanceTests(instances, output), IClassFixture<PostgresTwoInstances>;
