using System.Text.RegularExpressions;
using ClinicBot.Dialogs;
using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Store;
using ClinicBot.Storage.Bookings;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Booking.Support;

/// <summary>
/// Plays a conversation through the real BookingDialog the way the bot wires it: per turn a new
/// ConversationState, DialogSet and BookingDialog over the same storage (JSON round trip, like SQLite) and
/// a real SQLite booking store in a temp file. The clock is pinned to Monday 2026-11-30 10:00 America/Chicago.
/// </summary>
public sealed partial class BookingTestBot : IDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-6));

    private readonly TempDatabase _database = new();

    public BookingTestBot(IStorage? storage = null)
    {
        Storage = storage ?? new JsonRoundTripStorage();
        Store = new SwitchableBookingStore(new DatabaseBookingStore(new SqliteDatabase(_database.FilePath)));
        Clock = new FakeTimeProvider(DefaultNow);
        Adapter = new TestAdapter(TestAdapter.CreateConversation("booking-tests"));
        Adapter.Use(new KeepChannelActivityId());
    }

    public IStorage Storage { get; }

    public SwitchableBookingStore Store { get; }

    public TempDatabase Database => _database;

    public FakeTimeProvider Clock { get; }

    public KeywordQuestionAnswerer Questions { get; } = new();

    public TestAdapter Adapter { get; }

    public DialogTurnResult? LastResult { get; private set; }

    public string? ActiveDialogId { get; private set; }

    /// <summary>When true the next turn skips the dialog (as the bot does after a crisis reply).</summary>
    public bool SkipDialogNextTurn { get; set; }

    public string? LocalTimezone { get; set; }

    public async Task<IReadOnlyList<IActivity>> SayAsync(string text) => await SendAsync(MessageFactory.Text(text));

    public async Task<IReadOnlyList<IActivity>> SendAsync(Activity activity)
    {
        activity.LocalTimezone ??= LocalTimezone;
        if (activity.Id is { } id)
        {
            activity.Properties ??= new Newtonsoft.Json.Linq.JObject();
            activity.Properties[ChannelIdProperty] = id;
        }

        await Adapter.ProcessActivityAsync(activity, TurnAsync, CancellationToken.None);
        return Drain();
    }

    /// <summary>A card button press: a message with a value and no text.</summary>
    public Task<IReadOnlyList<IActivity>> SubmitAsync(object value)
    {
        var activity = MessageFactory.Text(string.Empty);
        activity.Text = null;
        activity.Value = value;
        return SendAsync(activity);
    }

    public Task<IReadOnlyList<BookingRecord>> BookingsAsync() => Store.ListAsync(CancellationToken.None);

    public IReadOnlyList<IActivity> Drain()
    {
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    public CapturingLogger<BookingDialog> Logger { get; } = new();

    /// <summary>The clinic's callback window (hours, closed dates); the built-in clinic's by default.</summary>
    public CallbackWindow Window { get; set; } = CallbackWindow.ClinicDefault;

    public BookingDialog NewDialog() =>
        new(Store, Questions, Clock, Logger, Window, ClinicBot.Booking.Texts.BookingTexts.Default);

    public async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (SkipDialogNextTurn)
        {
            SkipDialogNextTurn = false;
            await turnContext.SendActivityAsync("(crisis reply)", cancellationToken: cancellationToken);
            return;
        }

        var conversationState = new ConversationState(Storage);
        var dialogState = conversationState.CreateProperty<DialogState>("DialogState");
        var dialogSet = new DialogSet(dialogState);
        dialogSet.Add(NewDialog());

        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        var text = turnContext.Activity.Text ?? string.Empty;
        if (result.Status == DialogTurnStatus.Empty && WantsBooking().IsMatch(text))
        {
            result = await dc.BeginDialogAsync(BookingDialog.Id, new BookingOptions(text), cancellationToken);
        }

        LastResult = result;
        ActiveDialogId = dc.ActiveDialog?.Id;
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public void Dispose() => _database.Dispose();

    private const string ChannelIdProperty = "testChannelActivityId";

    /// <summary>TestAdapter numbers activities itself; put back the id a channel gave, so a redelivery keeps its id.</summary>
    private sealed class KeepChannelActivityId : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Properties?[ChannelIdProperty]?.ToString() is { Length: > 0 } id)
            {
                turnContext.Activity.Id = id;
            }

            return next(cancellationToken);
        }
    }

    // Stands in for the bot's topic classifier (book_call) in these tests.
    [GeneratedRegex(@"\b(book|schedule|call|consult|consultation|appointment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantsBooking();
}
