using ClinicBot.SdkTuning;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.ReplyPath;

/// <summary>
/// <see cref="JsonComparedConversationState"/> puts the state it loads where the SDK's own ConversationState
/// keeps its cache (a key internal to the SDK), so the SDK's property accessors read and change it. These tests
/// pin that key to the SDK in use: after an SDK update that moves it, they fail instead of the state silently
/// never being saved.
/// </summary>
public sealed class SdkConversationStateKeyTests
{
    [Fact]
    public async Task The_sdks_conversation_state_caches_its_state_under_the_key_the_app_relies_on()
    {
        using var turn = NewTurn();
        var sdkState = new ConversationState(new MemoryStorage());

        await sdkState.LoadAsync(turn);

        var cached = turn.TurnState[JsonComparedConversationState.CachedStateKey];
        Assert.NotNull(cached);
        Assert.Equal("CachedBotState", cached.GetType().Name);
    }

    [Fact]
    public async Task The_sdks_accessors_read_the_state_only_from_under_that_key()
    {
        using var turn = NewTurn();
        var sdkState = new ConversationState(new MemoryStorage());
        await sdkState.LoadAsync(turn);
        var accessor = sdkState.CreateProperty<string>("note");
        await accessor.SetAsync(turn, "kept");

        Assert.Equal("kept", (string?)sdkState.Get(turn)["note"]);

        // Without the entry under that key the SDK's accessor loads the (never saved) state afresh: it keeps
        // the turn's state nowhere else.
        turn.TurnState.Remove(JsonComparedConversationState.CachedStateKey);
        Assert.Equal("none", await accessor.GetAsync(turn, () => "none"));
    }

    private static TurnContext NewTurn() => new(
        new TestAdapter(TestAdapter.CreateConversation("sdk-key")),
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "test",
            Conversation = new ConversationAccount { Id = "sdk-key" },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
        });
}
