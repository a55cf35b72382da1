namespace ClinicBot.Dialogs;

/// <summary>What a waterfall step sees: its index, the waterfall's options and values, and the previous answer.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly DialogInstance _instance;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _waterfall = waterfall;
        _instance = dc.ActiveDialog!;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Why the step runs: begun, continued with a message, or resumed after a prompt.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's result, usually the answer of the prompt it started.</summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was begun with (as stored; use <see cref="GetOptions{T}"/> to read them typed).</summary>
    public object? Options => _instance.State.GetValueOrDefault(WaterfallDialog.OptionsKey);

    /// <summary>Values kept across the steps of this waterfall; persisted with the dialog stack.</summary>
    public Dictionary<string, object?> Values => _instance.State.GetDictionary(WaterfallDialog.ValuesKey);

    /// <summary>The options converted to <typeparamref name="T"/> (they are JSON after a trip through storage).</summary>
    public T? GetOptions<T>() => StateValues.Convert<T>(Options);

    /// <summary>Skips to the next step at once, passing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.RunStepAsync(this, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }
}
