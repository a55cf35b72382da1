using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ClinicBot.SdkTuning;

/// <summary>
/// The SDK's <see cref="ConversationState"/>, deciding whether a turn changed the state by comparing the JSON it
/// would store with the JSON it read. The SDK's own check serialises the whole state three times a turn (a hash
/// when loaded, again before saving, again after writing), on top of storage serialising it to write it; here the
/// state is serialised once, and that text is what gets written.
/// </summary>
/// <remarks>
/// The property accessors are the SDK's: they call the virtual <see cref="LoadAsync"/> and read the cached state
/// that it puts in the turn state under the SDK's key. Text that differs only in form (a row stored by an older
/// version) counts as a change and is written once in the current form; equal text always means equal state.
/// </remarks>
public sealed class JsonComparedConversationState : ConversationState
{
    /// <summary>
    /// The SDK-internal key this class depends on: BotState keeps its cache in the turn state under the name its
    /// subclass passes to the base constructor; ConversationState passes its own type name, and the SDK's property
    /// accessors look the cache up there. SdkConversationStateKeyTests fail if an SDK update changes it.
    /// </summary>
    internal const string CachedStateKey = nameof(ConversationState);
    private const string StoredJsonKey = "ClinicBot.ConversationState.StoredJson";

    private static readonly string EmptyStateJson = StoredStateJson.Write(new Dictionary<string, object>());

    private readonly IJsonStateStorage _storage;

    public JsonComparedConversationState(IJsonStateStorage storage)
        : base(storage)
    {
        _storage = storage;
    }

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext)?.State is not null)
        {
            return;
        }

        var stored = await _storage.ReadWithJsonAsync(GetStorageKey(turnContext), cancellationToken).ConfigureAwait(false);

        // The parameterless constructor hashes an empty dictionary; the state is set afterwards, so the SDK's hash
        // of it is never computed.
        var cached = new CachedBotState { State = ToStateDictionary(stored?.Value) };
        turnContext.TurnState[CachedStateKey] = cached;
        turnContext.TurnState[StoredJsonKey] = new StoredJson(cached, stored?.Json ?? EmptyStateJson);
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (cached?.State is null)
        {
            return;
        }

        var json = StoredStateJson.Write(cached.State);

        // The stored text belongs to this cache only: after ClearStateAsync the cache is new and always saved.
        var stored = turnContext.TurnState.Get<StoredJson>(StoredJsonKey);
        if (!force && stored is not null && ReferenceEquals(stored.Cache, cached) && stored.Json == json)
        {
            return;
        }

        await _storage.WriteJsonAsync(GetStorageKey(turnContext), cached.State, json, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[StoredJsonKey] = new StoredJson(cached, json);
    }

    private static IDictionary<string, object> ToStateDictionary(object? value) => value switch
    {
        null => new Dictionary<string, object>(),
        IDictionary<string, object> state => state,
        JObject json => json.ToObject<Dictionary<string, object>>()!,
        _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
    };

    private sealed record StoredJson(CachedBotState Cache, string Json);
}
