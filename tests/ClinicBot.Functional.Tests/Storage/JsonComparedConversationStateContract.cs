using ClinicBot.SdkTuning;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Tests.Storage;

/// <summary>
/// <see cref="JsonComparedConversationState"/> on every backend: a turn writes the conversation's state exactly
/// when what it would store differs from what it read, through the SDK's own property accessors, and keeps the
/// ETag rules (a concurrent change is a conflict, never a lost update).
/// </summary>
public abstract class JsonComparedConversationStateContract<TBackend> : IDisposable
    where TBackend : StorageBackend, new()
{
    private const string StorageKey = "test/conversations/conv-1";

    private readonly TestAdapter _adapter = new(TestAdapter.CreateConversation("conv-1"));

    protected TBackend Backend { get; } = new();

    public void Dispose() => Backend.Dispose();

    [SkippableFact]
    public async Task A_turn_that_changes_nothing_writes_nothing()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var state = new JsonComparedConversationState(storage);
        await RunTurnAsync(state, async (counter, turn) => await counter.SetAsync(turn, new Counter { Count = 1 }));
        var etagAfterFirstTurn = await StoredEtagAsync(storage);

        var seen = 0;
        await RunTurnAsync(state, async (counter, turn) => seen = (await counter.GetAsync(turn, () => new Counter())).Count);

        Assert.Equal(1, seen);
        Assert.Equal(etagAfterFirstTurn, await StoredEtagAsync(storage));
    }

    [SkippableFact]
    public async Task A_changed_state_is_stored_as_the_compared_text_and_reads_back()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var state = new JsonComparedConversationState(storage);
        await RunTurnAsync(state, async (counter, turn) => await counter.SetAsync(turn, new Counter { Count = 1 }));
        var etagBefore = await StoredEtagAsync(storage);

        await RunTurnAsync(state, async (counter, turn) => (await counter.GetAsync(turn, () => new Counter())).Count++);

        var stored = await storage.ReadWithJsonAsync(StorageKey);
        Assert.NotNull(stored);
        Assert.NotEqual(etagBefore, await StoredEtagAsync(storage));
        Assert.Equal(StoredStateJson.Write(stored.Value), stored.Json);
        var reread = new JsonComparedConversationState(new BotStateStorage(Backend.Open(), Backend.Protectors));
        var count = 0;
        await RunTurnAsync(reread, async (counter, turn) => count = (await counter.GetAsync(turn, () => new Counter())).Count);
        Assert.Equal(2, count);
    }

    [SkippableFact]
    public async Task A_turn_that_never_sets_a_property_creates_no_row()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var state = new JsonComparedConversationState(storage);

        Counter? seen = new();
        await RunTurnAsync(state, async (counter, turn) => seen = await counter.GetAsync(turn));

        Assert.Null(seen);
        Assert.Null(await storage.ReadWithJsonAsync(StorageKey));
    }

    [SkippableFact]
    public async Task A_forced_save_writes_unchanged_state()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var state = new JsonComparedConversationState(storage);
        await RunTurnAsync(state, async (counter, turn) => await counter.SetAsync(turn, new Counter { Count = 1 }));
        var etagBefore = await StoredEtagAsync(storage);

        await RunTurnAsync(state, async (counter, turn) => await counter.GetAsync(turn, () => new Counter()), force: true);

        Assert.NotEqual(etagBefore, await StoredEtagAsync(storage));
    }

    [SkippableFact]
    public async Task State_stored_in_the_sdk_form_loads_and_is_rewritten_once_in_the_compact_form()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var sdkForm = JsonConvert.SerializeObject(
            new Dictionary<string, object> { ["Counter"] = new Counter { Count = 7 } },
            new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All, NullValueHandling = NullValueHandling.Include });
        await storage.WriteJsonAsync(StorageKey, new Dictionary<string, object>(), sdkForm);
        var state = new JsonComparedConversationState(storage);

        var seen = 0;
        await RunTurnAsync(state, async (counter, turn) => seen = (await counter.GetAsync(turn, () => new Counter())).Count);
        var rewritten = await storage.ReadWithJsonAsync(StorageKey);
        var etagAfterRewrite = await StoredEtagAsync(storage);
        await RunTurnAsync(state, async (counter, turn) => await counter.GetAsync(turn, () => new Counter()));

        Assert.Equal(7, seen);
        Assert.NotNull(rewritten);
        Assert.NotEqual(sdkForm, rewritten.Json);
        Assert.Equal(7, Assert.IsType<Counter>(((IDictionary<string, object>)rewritten.Value)["Counter"]).Count);
        Assert.Equal(etagAfterRewrite, await StoredEtagAsync(storage));
    }

    [SkippableFact]
    public async Task Two_turns_that_change_one_conversation_from_the_same_read_conflict_and_the_first_write_stays()
    {
        var storage = new BotStateStorage(Backend.Open(), Backend.Protectors);
        var state = new JsonComparedConversationState(storage);
        var counter = state.CreateProperty<Counter>(nameof(Counter));
        await RunTurnAsync(state, async (property, turn) => await property.SetAsync(turn, new Counter { Count = 1 }));

        var first = NewTurn();
        var second = NewTurn();
        (await counter.GetAsync(first, () => new Counter())).Count = 10;
        (await counter.GetAsync(second, () => new Counter())).Count = 20;

        await state.SaveChangesAsync(first);
        await Assert.ThrowsAsync<EtagConflictException>(() => state.SaveChangesAsync(second));

        var seen = 0;
        await RunTurnAsync(state, async (property, turn) => seen = (await property.GetAsync(turn, () => new Counter())).Count);
        Assert.Equal(10, seen);
    }

    private async Task RunTurnAsync(ConversationState state, Func<IStatePropertyAccessor<Counter>, ITurnContext, Task> turn, bool force = false)
    {
        var context = NewTurn();
        await turn(state.CreateProperty<Counter>(nameof(Counter)), context);
        await state.SaveChangesAsync(context, force);
    }

    private TurnContext NewTurn() => new(_adapter, new Activity(ActivityTypes.Message, channelId: "test", conversation: new ConversationAccount(id: "conv-1"), text: "hi"));

    private static async Task<string?> StoredEtagAsync(BotStateStorage storage) =>
        await storage.ReadWithJsonAsync(StorageKey) is { Value: IDictionary<string, object> state } ? state["eTag"] as string : null;

    public sealed class Counter
    {
        public int Count { get; set; }

        // Null here: the SDK's form writes it, the compact form leaves it out.
        public string? Label { get; set; }
    }
}

public sealed class SqliteJsonComparedConversationStateTests : JsonComparedConversationStateContract<SqliteBackend>;

public sealed class PostgresJsonComparedConversationStateTests : JsonComparedConversationStateContract<PostgresBackend>;
