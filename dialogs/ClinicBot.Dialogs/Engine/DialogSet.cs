using Microsoft.Bot.Builder;

namespace ClinicBot.Dialogs;

/// <summary>A collection of dialogs that can call each other, and (at the root) the accessor of their stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));
    }

    /// <summary>A set without its own storage, used inside a <see cref="ComponentDialog"/>.</summary>
    public DialogSet()
    {
    }

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            throw new InvalidOperationException($"A dialog with the id '{dialog.Id}' is already in this set.");
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads the dialog stack of this conversation and returns a context to drive it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet has no state accessor; create it with one to use it at the root.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);

        // A storage that does not keep CLR types hands back a converted copy: put it back so that the
        // changes made this turn are the ones saved.
        state.DialogStack ??= new List<DialogInstance>();
        await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);

        SentMessageCounter.EnsureInstalled(turnContext);
        return new DialogContext(this, turnContext, state);
    }
}
