namespace ClinicBot.Dialogs;

/// <summary>One step of a waterfall: ask something (a prompt) or act on the previous answer.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// Runs its steps in order. Each step usually starts a prompt; the prompt's answer is the next step's
/// <see cref="WaterfallStepContext.Result"/>. After the last step the waterfall ends with the last result.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string OptionsKey = "options";
    internal const string ValuesKey = "values";
    internal const string StepIndexKey = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? new List<WaterfallStep>();
    }

    public int StepCount => _steps.Count;

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A message reached the waterfall itself (no prompt was active): it is the current step's answer.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State.GetOrDefault(StepIndexKey, 0);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var stepContext = new WaterfallStepContext(this, dc, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }
}
