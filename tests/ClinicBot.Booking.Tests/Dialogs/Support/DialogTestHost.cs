using ClinicBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.Dialogs.Support;

/// <summary>
/// Runs turns through the real TestAdapter with ConversationState over a storage, the way the bot does:
/// a fresh DialogSet and state object each turn, continue the active dialog, else begin the root dialog.
/// </summary>
public sealed class DialogTestHost
{
    private readonly Func<Dialog[]> _createDialogs;
    private readonly string _rootDialogId;

    public DialogTestHost(IStorage storage, string rootDialogId, Func<Dialog[]> createDialogs, TestAdapter? adapter = null)
    {
        Storage = storage;
        _rootDialogId = rootDialogId;
        _createDialogs = createDialogs;
        Adapter = adapter ?? new TestAdapter(TestAdapter.CreateConversation("dialog-tests"));
    }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; }

    public DialogTurnResult? LastResult { get; private set; }

    public int? LastStackDepth { get; private set; }

    public object? RootOptions { get; set; }

    public async Task<IReadOnlyList<IActivity>> SendAsync(string text) =>
        await SendActivityAsync(MessageFactory.Text(text));

    public async Task<IReadOnlyList<IActivity>> SendActivityAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, RunTurnAsync, CancellationToken.None);
        return DrainReplies();
    }

    public IReadOnlyList<IActivity> DrainReplies()
    {
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationState = new ConversationState(Storage);
        var accessor = conversationState.CreateProperty<DialogState>("DialogState");
        var dialogSet = new DialogSet(accessor);
        foreach (var dialog in _createDialogs())
        {
            dialogSet.Add(dialog);
        }

        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(_rootDialogId, RootOptions, cancellationToken);
        }

        LastResult = result;
        LastStackDepth = dc.Stack.Count;
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}

public static class ActivityTexts
{
    public static string Texts(this IEnumerable<IActivity> activities) =>
        string.Join("\n", activities.OfType<IMessageActivity>().Select(a => a.Text));
}
