using ClinicBot.Bots;
using ClinicBot.Knowledge;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Degraded mode, in process on /api/messages: the bot-state storage and booking store are the real SQLite ones,
/// wrapped so they can fail as a stopped database does. Page answers and the crisis reply need no database;
/// a booking gets one plain apology with the clinic's phone; nothing is half-saved; recovery needs no restart.
/// (The same behaviour with a real PostgreSQL server stopped and started: PostgresOutageTests.)
/// </summary>
[Trait("Category", "Faults")]
public sealed class StorageOutageBotTests : IDisposable
{
    private const string ClinicPhone = "832-899-4065";
    private readonly OutageAppFactory _app = new();
    private readonly HttpClient _client;
    private readonly BotMessages _messages = BotMessages.LoadDefault();

    public StorageOutageBotTests()
    {
        _client = _app.CreateClient();
    }

    [Fact]
    public void The_outage_apology_is_plain_staff_editable_text_with_the_clinics_phone()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "bot-messages.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(ClinicKnowledge.LoadDefault().FillFacts(json["storageUnavailable"]!.GetValue<string>()), _messages.StorageUnavailable);
        Assert.Contains(ClinicPhone, _messages.StorageUnavailable);
        Assert.Contains("nothing was saved", _messages.StorageUnavailable);
        Assert.Contains(ClinicPhone, _messages.TurnConflict);
        Assert.DoesNotContain("exception", _messages.StorageUnavailable, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_the_database_down_crisis_hours_and_location_are_answered_and_a_booking_gets_one_apology_and_nothing_is_saved()
    {
        var conversation = NewConversation();
        _app.SetFault(StorageFault.Everything);

        var crisis = await SayAsync(conversation, "I want to end my life");
        Assert.Contains(TopicNames.Crisis, Assert.Single(crisis).Topics);
        Assert.Contains("988", crisis[0].Text);

        var hours = await SayAsync(conversation, "what are your opening hours?");
        Assert.Contains(TopicNames.Hours, hours.SelectMany(reply => reply.Topics));
        Assert.DoesNotContain(hours, reply => reply.Text == _messages.StorageUnavailable);

        var location = await SayAsync(conversation, "where is the clinic located?");
        Assert.Contains(TopicNames.LocationAddress, location.SelectMany(reply => reply.Topics));

        var booking = await SayAsync(conversation, "I'd like to book a free call");
        Assert.Equal(_messages.StorageUnavailable, Assert.Single(booking).Text);
        Assert.Contains(ClinicPhone, booking[0].Text);

        Assert.Equal(0, SqliteRows.Count(_app.DatabasePath, "bookings"));
        Assert.DoesNotContain(StateKeys(), key => key.Contains(conversation, StringComparison.Ordinal));

        // The database is back: the same process books again, no restart.
        _app.SetFault(StorageFault.None);
        var reference = await new BookingPlayer("Maria Alvarez").CompleteAsync((text, _) => SayAsync(conversation, text));
        Assert.Equal(reference, SqliteRows.Query(_app.DatabasePath, "SELECT reference FROM bookings").Single()["reference"]);
    }

    [Fact]
    public async Task A_booking_in_progress_gets_one_apology_while_the_database_is_down_and_resumes_at_the_same_step_afterwards()
    {
        var conversation = NewConversation();
        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(await SayAsync(conversation, "I'd like to book a free call")));
        Assert.Equal(BookingQuestion.Phone, BookingPlayer.Classify(await SayAsync(conversation, "Maria Alvarez")));
        var stateBefore = StateJson(conversation);

        _app.SetFault(StorageFault.Everything);
        var duringOutage = await SayAsync(conversation, "832-555-0142");
        Assert.Equal(_messages.StorageUnavailable, Assert.Single(duringOutage).Text);

        _app.SetFault(StorageFault.None);
        Assert.Equal(stateBefore, StateJson(conversation));
        Assert.Equal(BookingQuestion.Email, BookingPlayer.Classify(await SayAsync(conversation, "832-555-0142")));
    }

    [Theory]
    [InlineData("Maria Alvarez")]
    [InlineData("Dana Whitaker")]
    [InlineData("thanks")]
    public async Task An_answer_to_the_name_question_during_an_outage_gets_the_apology_not_a_greeting(string answer)
    {
        // A bare name reads to the topic model like a greeting; without state it may belong to a booking.
        var conversation = NewConversation();
        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(await SayAsync(conversation, "I'd like to book a free call")));

        _app.SetFault(StorageFault.Everything);
        var duringOutage = await SayAsync(conversation, answer);
        Assert.Equal(_messages.StorageUnavailable, Assert.Single(duringOutage).Text);

        _app.SetFault(StorageFault.None);
        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(await SayAsync(conversation, "hello again")));
    }

    [Fact]
    public async Task When_the_database_dies_between_reading_and_saving_the_confirmation_the_person_gets_one_apology_and_no_booking()
    {
        var conversation = NewConversation();
        var replies = await SayAsync(conversation, "I'd like to book a free call, my name is Maria Alvarez and my number is 832-555-0142");
        for (var turn = 0; BookingPlayer.Classify(replies) != BookingQuestion.Confirm; turn++)
        {
            Assert.True(turn < 6, "expected the confirmation summary");
            replies = await SayAsync(conversation, BookingPlayer.Classify(replies) == BookingQuestion.Email ? "skip" : "next Wednesday at 2pm");
        }

        // Reads still work, every write fails: the booking store's failure and the dialog's own "could not save"
        // reply are both part of a turn whose state cannot be saved, so only the outage apology goes out.
        _app.SetFault(StorageFault.WritesOnly);
        var confirm = await SayAsync(conversation, "yes");
        Assert.Equal(_messages.StorageUnavailable, Assert.Single(confirm).Text);
        Assert.Equal(0, SqliteRows.Count(_app.DatabasePath, "bookings"));

        _app.SetFault(StorageFault.None);
        var booked = await SayAsync(conversation, "yes");
        var reference = BookingPlayer.Reference(booked);
        Assert.NotNull(reference);
        Assert.Equal(reference, SqliteRows.Query(_app.DatabasePath, "SELECT reference FROM bookings").Single()["reference"]);
    }

    private Task<IReadOnlyList<BotReply>> SayAsync(string conversation, string text) => BotClient.SayAsync(_client, conversation, text);

    private List<string> StateKeys() =>
        SqliteRows.Count(_app.DatabasePath, "bot_state") == 0
            ? []
            : SqliteRows.Query(_app.DatabasePath, "SELECT key FROM bot_state").Select(row => (string)row["key"]!).ToList();

    private string? StateJson(string conversation) =>
        SqliteRows.Query(_app.DatabasePath, "SELECT key, json FROM bot_state")
            .Where(row => ((string)row["key"]!).Contains(conversation, StringComparison.Ordinal))
            .Select(row => (string?)row["json"])
            .SingleOrDefault();

    private static string NewConversation() => "outage-" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }
}
