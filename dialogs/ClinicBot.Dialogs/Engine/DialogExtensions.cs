using Microsoft.Bot.Builder;

namespace ClinicBot.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the root of a conversation: continues it when it is running,
    /// otherwise begins it. The caller saves the conversation state afterwards.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogSet = new DialogSet(accessor);
        dialogSet.Add(dialog);

        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
