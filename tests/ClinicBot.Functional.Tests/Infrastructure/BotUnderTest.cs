using ClinicBot.Analytics.Redaction;
using ClinicBot.Analytics;
using ClinicBot.Bots;
using ClinicBot.Booking;
using ClinicBot.Knowledge;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Storage.Bookings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Infrastructure;

/// <summary>
/// The real ClinicActivityHandler with its real parts (knowledge content, booking dialog, SQLite booking
/// store in a temporary file) for TestAdapter flows. The clock starts on Monday 2026-11-30 10:00 Chicago.
/// </summary>
public sealed class BotUnderTest : IDisposable
{
    public static readonly DateTimeOffset MondayTenAmChicago = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-6));

    private static readonly Lazy<ClinicKnowledge> SharedKnowledge = new(() => ClinicKnowledge.LoadDefault());
    private readonly string _folder = TempFolder.Create("clinicbot-bot");

    private readonly ClinicKnowledge? _knowledge;

    /// <param name="knowledge">Other knowledge than the shared one (without the sentence model), e.g. with the model as the app loads it.</param>
    public BotUnderTest(IStorage? storage = null, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null, ClinicKnowledge? knowledge = null)
    {
        _knowledge = knowledge;
        Clock = new FakeTimeProvider(now ?? MondayTenAmChicago);
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Bookings = new DatabaseBookingStore(new SqliteDatabase(Path.Combine(_folder, "bookings.db")));
        var answerer = new KnowledgeQuestionAnswerer(Knowledge, Clock);
        var bookingDialog = new BookingDialog(Bookings, answerer, Clock, NullLogger<BookingDialog>.Instance);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        // Unanswered questions kept (redacted), as with Staff:KeepUnansweredQuestions, so tests can see what would be stored.
        Analytics = new QueuedConversationAnalytics(ConversationHasher.CreateRandom(), NullLogger<QueuedConversationAnalytics>.Instance, UnansweredQuestionRedactor.LoadDefault());
        Bot = new ClinicActivityHandler(ConversationState, Knowledge, new ClinicDialogs(ConversationState, bookingDialog), BotMessages.LoadDefault(), Clock, Analytics, configuration, NullLogger<ClinicActivityHandler>.Instance);
    }

    public ClinicKnowledge Knowledge => _knowledge ?? SharedKnowledge.Value;

    public FakeTimeProvider Clock { get; }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public DatabaseBookingStore Bookings { get; }

    /// <summary>The real analytics queue (no writer drains it here), so tests can read what a turn recorded.</summary>
    public QueuedConversationAnalytics Analytics { get; }

    public ClinicActivityHandler Bot { get; }

    /// <summary>Sends one message through <paramref name="adapter"/> and returns the bot's message replies (at least one).</summary>
    public async Task<List<IMessageActivity>> SayAsync(TestAdapter adapter, string text)
    {
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IMessageActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            if (reply.Type == ActivityTypes.Message) replies.Add((IMessageActivity)reply);
        }
        Assert.NotEmpty(replies);
        return replies;
    }

    public void Dispose() => TempFolder.TryDelete(_folder);
}
