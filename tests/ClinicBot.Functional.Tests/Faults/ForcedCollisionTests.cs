using ClinicBot.Tests.Faults.Support;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Two turns of one conversation at once on two instances, made to collide every time (a barrier holds the first
/// save until the second turn has read the state): the later save conflicts, that turn re-runs on the saved state,
/// and neither turn's detail is lost. <see cref="MultiInstanceTests"/> plays the same races on two processes, where
/// a collision may or may not happen.
/// </summary>
public abstract class ForcedCollisionTests(TwoHosts hosts, ITestOutputHelper output)
{
    private const string Phone = "832-555-0142";
    private const string PhoneE164 = "+18325550142";

    [SkippableFact]
    public async Task Two_turns_of_one_conversation_at_once_on_two_instances_collide_and_lose_no_update_in_a_booking_in_progress()
    {
        await hosts.StartAsync();
        var name = PersonNames.Distinct(2)[0];
        var conversation = NewConversationId();
        var start = await BotClient.SayAsync(hosts.Clients[0], conversation, "I'd like to book a free call");
        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(start));

        await RaceAndCompleteAsync(
            conversation,
            name,
            () => BotClient.SayAsync(hosts.Clients[0], conversation, name),
            () => BotClient.SayAsync(hosts.Clients[1], conversation, Phone));
    }

    [SkippableFact]
    public async Task Two_first_turns_of_one_conversation_at_once_on_two_instances_collide_and_lose_no_update_when_no_state_exists_yet()
    {
        await hosts.StartAsync();
        var name = PersonNames.Distinct(2)[1];
        var conversation = NewConversationId();

        await RaceAndCompleteAsync(
            conversation,
            name,
            () => BotClient.SayAsync(hosts.Clients[0], conversation, $"I'd like to book a free call, my name is {name}"),
            () => BotClient.SayAsync(hosts.Clients[1], conversation, $"Can I book a free call? My number is {Phone}"));
    }

    private async Task RaceAndCompleteAsync(
        string conversation,
        string name,
        Func<Task<IReadOnlyList<BotReply>>> first,
        Func<Task<IReadOnlyList<BotReply>>> second)
    {
        hosts.Barrier.Arm(conversation);
        IReadOnlyList<BotReply> firstReplies, secondReplies;
        int conflicts;
        try
        {
            var turns = await Task.WhenAll(Task.Run(first), Task.Run(second));
            (firstReplies, secondReplies) = (turns[0], turns[1]);
        }
        finally
        {
            conflicts = hosts.Barrier.Disarm(conversation);
        }

        output.WriteLine($"{hosts.Backend.Description}: [{string.Join(" | ", firstReplies)}] and [{string.Join(" | ", secondReplies)}]; conflicting saves: {conflicts}");
        Assert.Equal(1, conflicts);

        // The turn that saved second saw both details: go on from its replies.
        var player = new BookingPlayer(name, Phone);
        var later = BookingPlayer.Classify(firstReplies) is BookingQuestion.Name or BookingQuestion.Phone ? secondReplies : firstReplies;
        var reference = await player.ContinueAsync((text, turn) => BotClient.SayAsync(hosts.Clients[turn % 2], conversation, text), later);

        Assert.False(
            player.Asked.Contains(BookingQuestion.Name) || player.Asked.Contains(BookingQuestion.Phone),
            $"asked again: {string.Join(", ", player.Asked)}");
        var row = Assert.Single(await hosts.Backend.BookingsAsync(), booking => booking.Reference == reference);
        Assert.Equal(name, row.Name);
        Assert.Equal(PhoneE164, row.PhoneE164);
    }

    private static string NewConversationId() => "collide-" + Guid.NewGuid().ToString("N");
}

[Trait("Category", "Faults")]
public sealed class SqliteForcedCollisionTests(SqliteTwoHosts hosts, ITestOutputHelper output)
    : ForcedCollisionTests(hosts, output), IClassFixture<SqliteTwoHosts>;

[Trait("Category", "Faults")]
public sealed class PostgresForcedCollisionTests(PostgresTwoHosts hosts, ITestOutputHelper output)
    : ForcedCollisionTests(hosts, output), IClassFixture<PostgresTwoHosts>;
