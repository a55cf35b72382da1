using Microsoft.Bot.Builder;

namespace ClinicBot.Dialogs;

/// <summary>
/// A dialog made of dialogs: it keeps its own inner stack inside its state, so the outer stack sees
/// one entry. Override <see cref="OnContinueDialogAsync"/> to look at a message (help, cancel, questions)
/// before the inner active dialog does.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStateKey = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog started when this component begins; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    protected DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dialog started on the outer stack above this one has ended: ask our pending question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(turnContext, instance, parent: null);
        await OnRepromptDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerContext(turnContext, instance, parent: null);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the initial inner dialog.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var initial = InitialDialogId ?? throw new InvalidOperationException($"The component dialog '{Id}' has no inner dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Passes the message to the inner active dialog. Override to handle interruptions first.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    protected virtual Task OnRepromptDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.RepromptDialogAsync(cancellationToken);

    /// <summary>Called when the inner stack is done; ends this component with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    private async Task<DialogTurnResult> FinishTurnAsync(DialogContext outerDc, DialogTurnResult innerResult, CancellationToken cancellationToken)
    {
        if (innerResult.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        var outerResult = await EndComponentAsync(outerDc, innerResult.Result, cancellationToken).ConfigureAwait(false);

        // Let the root caller see a cancellation as such when this component was the last dialog.
        if (innerResult.Status == DialogTurnStatus.Cancelled && outerResult.Status == DialogTurnStatus.Complete)
        {
            return new DialogTurnResult(DialogTurnStatus.Cancelled, outerResult.Result);
        }

        return outerResult;
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance) =>
        CreateInnerContext(outerDc.Context, instance, outerDc);

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? parent)
    {
        var innerState = instance.State.GetOrCreate(InnerStateKey, () => new DialogState());
        return new DialogContext(Dialogs, turnContext, innerState, parent);
    }
}
