using ClinicBot.Storage.Protection;
using System.Text.Json.Nodes;
using ClinicBot.Bots;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;
using ClinicBot.Knowledge;
using ClinicBot.Storage;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.DirectLine;

/// <summary>
/// The in-process adapter and channel with a small bot of the tests' own, over a real SQLite file:
/// what the bot sends lands in the transcript, middleware runs, and a failing turn apologises and
/// leaves conversation state alone.
/// </summary>
public sealed class LocalDirectLineAdapterTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-adapter");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-02T15:00:00Z"));
    private readonly SqliteDatabase _database;
    private readonly AtRestProtectors _protectors = AtRestProtectors.Ephemeral();
    private readonly TranscriptStore _store;
    private readonly ActivityTranscript _transcript;
    private readonly ConversationState _state;
    private readonly RecordingMiddleware _middleware = new();
    private readonly LocalDirectLineChannel _channel;

    public LocalDirectLineAdapterTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "clinicbot.db"));
        _store = new TranscriptStore(_database, _protectors, _clock);
        _transcript = new ActivityTranscript(_store, new ConversationSignals(), _clock);
        _state = new ConversationState(new BotStateStorage(_database, _protectors));
        var options = Options.Create(new DirectLineOptions());
        var messages = BotMessages.LoadDefault();
        var adapter = new LocalDirectLineAdapter(_transcript, messages, [_middleware], NullLogger<LocalDirectLineAdapter>.Instance);
        var tokens = new ConversationTokenService(new SigningKeyStore(_database, _protectors), options, _clock);
        _channel = new LocalDirectLineChannel(_store, _transcript, tokens, adapter, DirectLineTexts.Load(), ClinicKnowledge.LoadDefault(), options, _clock);
    }

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task Starting_gives_the_bot_a_conversation_update_with_the_user_and_itself()
    {
        var bot = new NoteBot(_state);
        var conversation = await NewConversationAsync();

        await _channel.StartAsync(conversation, bot, CancellationToken.None);

        var update = Assert.Single(bot.Seen);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal([conversation.UserId, LocalDirectLineChannel.Bot.Id], update.MembersAdded.Select(m => m.Id));
        Assert.Equal(LocalDirectLineChannel.Bot.Id, update.Recipient.Id);
        var texts = await BotTextsAsync(conversation.ConversationId);
        Assert.Equal(["welcome"], texts);
        Assert.Equal(1, _middleware.Turns);
    }

    [Fact]
    public async Task A_message_turn_stores_typing_then_the_replies_with_server_ids()
    {
        var bot = new NoteBot(_state);
        var conversation = await StartedConversationAsync(bot);

        var id = await _channel.PostAsync(conversation, Message("note apples"), bot, CancellationToken.None);

        var (activities, watermark) = await _transcript.ReadAfterAsync(conversation.ConversationId, 1, CancellationToken.None);
        var types = activities.Select(a => JsonNode.Parse(a)!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["message", "typing", "message"], types);
        Assert.Equal(id, JsonNode.Parse(activities[0])!["id"]!.GetValue<string>());
        Assert.Equal(ActivityTranscript.ActivityId(conversation.ConversationId, 4), JsonNode.Parse(activities[2])!["id"]!.GetValue<string>());
        Assert.Equal(4, watermark);
        Assert.Equal("noted apples", JsonNode.Parse(activities[2])!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_turn_gets_the_apology_and_keeps_the_conversation_state()
    {
        var bot = new NoteBot(_state);
        var conversation = await StartedConversationAsync(bot);
        await _channel.PostAsync(conversation, Message("note half-finished booking"), bot, CancellationToken.None);

        await _channel.PostAsync(conversation, Message("fail"), bot, CancellationToken.None);
        await _channel.PostAsync(conversation, Message("recall"), bot, CancellationToken.None);

        var texts = await BotTextsAsync(conversation.ConversationId);
        Assert.Equal(BotMessages.LoadDefault().TurnError, texts[^2]);
        Assert.Equal("you noted half-finished booking", texts[^1]);
    }

    [Fact]
    public async Task Too_long_messages_get_a_notice_and_the_bot_never_sees_them()
    {
        var bot = new NoteBot(_state);
        var conversation = await StartedConversationAsync(bot);
        var seenBefore = bot.Seen.Count;

        await _channel.RejectTooLongAsync(conversation, new string('x', 2001), CancellationToken.None);

        Assert.Equal(seenBefore, bot.Seen.Count);
        Assert.Contains("2,000", (await BotTextsAsync(conversation.ConversationId))[^1]);
    }

    [Fact]
    public async Task Idle_conversations_are_deleted_after_the_retention_period()
    {
        var bot = new NoteBot(_state);
        var old = await StartedConversationAsync(bot);
        _clock.Advance(TimeSpan.FromDays(2));
        var recent = await StartedConversationAsync(bot);

        await _store.DeleteIdleSinceAsync(_clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Null(await _store.FindConversationAsync(old.ConversationId, CancellationToken.None));
        Assert.Empty((await _transcript.ReadAfterAsync(old.ConversationId, 0, CancellationToken.None)).ActivitiesJson);
        Assert.NotNull(await _store.FindConversationAsync(recent.ConversationId, CancellationToken.None));
    }

    private async Task<DirectLineConversation> NewConversationAsync()
    {
        var issued = await _channel.CreateConversationAsync(CancellationToken.None);
        return (await _store.FindConversationAsync(issued.Grant.ConversationId, CancellationToken.None))!;
    }

    private async Task<DirectLineConversation> StartedConversationAsync(IBot bot)
    {
        var conversation = await NewConversationAsync();
        await _channel.StartAsync(conversation, bot, CancellationToken.None);
        return (await _store.FindConversationAsync(conversation.ConversationId, CancellationToken.None))!;
    }

    private async Task<List<string>> BotTextsAsync(string conversationId)
    {
        var (activities, _) = await _transcript.ReadAfterAsync(conversationId, 0, CancellationToken.None);
        return activities.Select(a => JsonNode.Parse(a)!)
            .Where(a => a["from"]!["role"]!.GetValue<string>() == "bot" && a["type"]!.GetValue<string>() == "message")
            .Select(a => a["text"]!.GetValue<string>())
            .ToList();
    }

    private static IncomingActivity Message(string text) =>
        new("message", text, null, null, null, "en-US", new JObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") });

    /// <summary>Remembers a note in conversation state; "fail" throws after changing state.</summary>
    private sealed class NoteBot(ConversationState state) : IBot
    {
        private readonly IStatePropertyAccessor<string> _note = state.CreateProperty<string>("note");

        public List<Activity> Seen { get; } = [];

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Seen.Add(turnContext.Activity);
            if (turnContext.Activity.Type == ActivityTypes.ConversationUpdate)
            {
                await turnContext.SendActivityAsync("welcome", cancellationToken: cancellationToken);
                return;
            }

            var text = turnContext.Activity.Text ?? string.Empty;
            if (text.StartsWith("note ", StringComparison.Ordinal))
            {
                await _note.SetAsync(turnContext, text[5..], cancellationToken);
                await turnContext.SendActivityAsync("noted " + text[5..], cancellationToken: cancellationToken);
            }
            else if (text == "fail")
            {
                await _note.SetAsync(turnContext, "overwritten by a failed turn", cancellationToken);
                throw new InvalidOperationException("boom");
            }
            else
            {
                await turnContext.SendActivityAsync("you noted " + await _note.GetAsync(turnContext, () => "nothing", cancellationToken), cancellationToken: cancellationToken);
            }

            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }

    private sealed class RecordingMiddleware : IMiddleware
    {
        public int Turns { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            Turns++;
            return next(cancellationToken);
        }
    }
}
