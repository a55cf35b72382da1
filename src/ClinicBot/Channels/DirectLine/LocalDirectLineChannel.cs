using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Turn;
using System.Security.Cryptography;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The local Direct Line channel's conversations: creates them, turns posted activities into bot turns
/// (one turn at a time per conversation) and keeps every activity in the transcript.
/// </summary>
public sealed class LocalDirectLineChannel(
    TranscriptStore store,
    ActivityTranscript transcript,
    ConversationTokenService tokens,
    LocalDirectLineAdapter adapter,
    DirectLineTexts texts,
    ClinicKnowledge knowledge,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    public const string ChannelId = "directline";
    public const string ServiceUrl = "https://localhost/v3/directline/local";
    public static readonly ChannelAccount Bot = new("clinicbot", "ClinicBot", RoleTypes.Bot);

    // Turns of one conversation run one at a time (they share its state); striped so the set stays small.
    private readonly SemaphoreSlim[] _turnLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>A new conversation with a server-made user id, and a token for it.</summary>
    public async Task<IssuedToken> CreateConversationAsync(CancellationToken cancellationToken)
    {
        var conversationId = RandomId(18);
        var userId = "dl_" + RandomId(12);
        await store.CreateConversationAsync(conversationId, userId, cancellationToken);
        return await tokens.IssueAsync(conversationId, userId, cancellationToken);
    }

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        store.FindConversationAsync(conversationId, cancellationToken);

    /// <summary>
    /// Starts the conversation once: the bot gets a conversationUpdate with the user and itself added,
    /// which is what makes it say welcome. Starting again is harmless.
    /// </summary>
    public async Task StartAsync(DirectLineConversation conversation, IBot bot, CancellationToken cancellationToken)
    {
        if (conversation.Started)
        {
            return;
        }

        var turnLock = LockFor(conversation.ConversationId);
        await turnLock.WaitAsync(cancellationToken);
        try
        {
            if (!await store.MarkStartedAsync(conversation.ConversationId, cancellationToken))
            {
                return;
            }

            var user = User(conversation.UserId);
            var update = NewActivity(ActivityTypes.ConversationUpdate, conversation, user);
            update.MembersAdded = [user, Bot];
            await adapter.ProcessActivityAsync(update, bot, cancellationToken);
        }
        finally
        {
            turnLock.Release();
        }
    }

    /// <summary>
    /// Stores what the visitor sent (with its server id, echoing Web Chat's clientActivityID) and runs the
    /// bot's turn on it, with a typing indicator first. Returns the stored activity's id.
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, IncomingActivity incoming, IBot bot, CancellationToken cancellationToken)
    {
        var turnLock = LockFor(conversation.ConversationId);
        await turnLock.WaitAsync(cancellationToken);
        try
        {
            var activity = NewActivity(incoming.Type, conversation, User(conversation.UserId));
            activity.Text = incoming.Text;
            activity.TextFormat = incoming.TextFormat;
            activity.Value = incoming.Value;
            activity.Name = incoming.Name;
            activity.Locale = incoming.Locale;
            activity.ChannelData = incoming.ChannelData;
            var id = await transcript.AppendAsync(activity, cancellationToken);

            var typing = NewActivity(ActivityTypes.Typing, conversation, Bot);
            typing.Recipient = User(conversation.UserId);
            await transcript.AppendAsync(typing, cancellationToken);

            await adapter.ProcessActivityAsync(activity, bot, cancellationToken);
            return id;
        }
        finally
        {
            turnLock.Release();
        }
    }

    /// <summary>
    /// Tells the visitor their message was too long; the message itself is not kept. The crisis check reads it
    /// first, whatever its length: crisis language gets its reply before the refusal (a possible crisis, the check-in).
    /// </summary>
    public async Task RejectTooLongAsync(DirectLineConversation conversation, string text, CancellationToken cancellationToken)
    {
        var crisis = knowledge.AssessCrisis(text);
        if (crisis.Tier != CrisisTier.None)
        {
            var reply = NewActivity(ActivityTypes.Message, conversation, Bot);
            reply.Text = crisis.IsDefinite ? knowledge.CrisisTexts.ReplyFor(crisis) : knowledge.CrisisTexts.CheckInFor(crisis);
            TopicStamp.Set(reply, [TopicNames.Crisis]);
            await transcript.AppendAsync(reply, cancellationToken);
        }

        var notice = NewActivity(ActivityTypes.Message, conversation, Bot);
        notice.Recipient = User(conversation.UserId);
        notice.Text = texts.TooLong(options.Value.MaxMessageLength);
        await transcript.AppendAsync(notice, cancellationToken);
    }

    private Activity NewActivity(string type, DirectLineConversation conversation, ChannelAccount from) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(id: conversation.ConversationId),
        From = from,
        Recipient = from.Role == RoleTypes.Bot ? User(conversation.UserId) : Bot,
        Timestamp = time.GetUtcNow(),
        LocalTimestamp = time.GetLocalNow(),
    };

    private static ChannelAccount User(string userId) => new(userId, role: RoleTypes.User);

    private SemaphoreSlim LockFor(string conversationId) =>
        _turnLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_turnLocks.Length)];

    private static string RandomId(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
        .Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
}

/// <summary>The parts of a posted activity the channel accepts from a browser; the server sets the rest.</summary>
public sealed record IncomingActivity(
    string Type,
    string? Text,
    string? TextFormat,
    JToken? Value,
    string? Name,
    string? Locale,
    JObject? ChannelData);
