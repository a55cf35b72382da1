using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Dialogs;

/// <summary>
/// Asks a question and waits until the reply is recognised and valid. Each reply is recognised, counted,
/// then validated; a valid value ends the prompt, otherwise the retry prompt is sent (unless the validator
/// sent a re-ask itself). After <see cref="PromptOptions.MaxAttempts"/> unusable replies the prompt ends
/// with <see cref="PromptGaveUp"/>.
/// </summary>
public class Prompt<T> : Dialog
{
    private const string OptionsKey = PromptStateKeys.Options;
    private const string StateKey = PromptStateKeys.State;
    private const string AttemptCountKey = PromptStateKeys.AttemptCount;

    private readonly PromptRecognizer<T>? _recognizer;
    private readonly PromptValidator<T>? _validator;

    public Prompt(string dialogId, PromptRecognizer<T> recognizer, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _validator = validator;
    }

    /// <summary>For prompts that override <see cref="OnRecognizeAsync"/>.</summary>
    protected Prompt(string dialogId, PromptValidator<T>? validator)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[StateKey] = new Dictionary<string, object?> { [AttemptCountKey] = 0 };

        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instanceState = dc.ActiveDialog!.State;
        var options = ReadOptions(instanceState);
        var promptState = instanceState.GetDictionary(StateKey);

        var recognized = await OnRecognizeAsync(dc.Context, promptState, options, cancellationToken).ConfigureAwait(false);
        var attemptCount = promptState.GetOrDefault(AttemptCountKey, 0) + 1;
        promptState[AttemptCountKey] = attemptCount;

        var sentBefore = SentMessageCounter.Read(dc.Context);
        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, promptState, attemptCount), cancellationToken).ConfigureAwait(false);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxAttempts is int max && attemptCount >= max)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, attemptCount), cancellationToken).ConfigureAwait(false);
        }

        var validatorReasked = SentMessageCounter.Read(dc.Context) > sentBefore;
        if (!validatorReasked)
        {
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A child of a prompt never runs; if one did, wait for the next reply.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(EndOfTurn);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, ReadOptions(instance.State), isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry question), with the choices as suggested actions.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is null)
        {
            return;
        }

        var toSend = CloneActivity(activity);
        if (options.Choices is { Count: > 0 } choices && toSend.SuggestedActions is null)
        {
            toSend.SuggestedActions = new SuggestedActions
            {
                Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.DisplayText, value: c.DisplayText)).ToList(),
            };
        }

        await turnContext.SendActivityAsync(toSend, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Recognises the reply; <paramref name="state"/> is the prompt's own state (e.g. what was offered).</summary>
    protected virtual Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken) =>
        _recognizer is null
            ? Task.FromResult(PromptRecognizerResult<T>.Failure())
            : _recognizer(turnContext, options, cancellationToken);

    private static PromptOptions ReadOptions(IDictionary<string, object?> state) =>
        state.GetOrCreate<PromptOptions>(OptionsKey, () => new PromptOptions());

    // Sending an activity stamps ids and addresses on its own properties (never inside its attachments or
    // actions); send a copy of those properties so the stored options stay clean. A JSON round trip did the
    // same at ~50 times the cost, on every question asked.
    private static readonly PropertyInfo[] ActivityProperties = typeof(Activity)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.CanRead && property.CanWrite && property.GetIndexParameters().Length == 0)
        .ToArray();

    private static Activity CloneActivity(Activity activity)
    {
        var copy = new Activity();
        foreach (var property in ActivityProperties)
        {
            property.SetValue(copy, property.GetValue(activity));
        }

        return copy;
    }
}

/// <summary>Where a prompt keeps things in its <see cref="DialogInstance.State"/>.</summary>
public static class PromptStateKeys
{
    /// <summary>The <see cref="PromptOptions"/> the prompt was started with.</summary>
    public const string Options = "options";

    /// <summary>The prompt's own state dictionary (attempt count and whatever a validator keeps).</summary>
    public const string State = "state";

    public const string AttemptCount = "attemptCount";

    /// <summary>The prompt's own state dictionary of a running prompt instance.</summary>
    public static Dictionary<string, object?> PromptState(DialogInstance instance) =>
        (instance ?? throw new ArgumentNullException(nameof(instance))).State.GetDictionary(State);

    public static PromptOptions? PromptOptions(DialogInstance instance) =>
        (instance ?? throw new ArgumentNullException(nameof(instance))).State.Get<PromptOptions>(Options);
}
