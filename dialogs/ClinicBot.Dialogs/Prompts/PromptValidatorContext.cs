using Microsoft.Bot.Builder;

namespace ClinicBot.Dialogs;

/// <summary>Checks a recognised answer; returns true to accept it. May send its own, more precise re-ask.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>Turns the user's reply into a value of <typeparamref name="T"/>.</summary>
public delegate Task<PromptRecognizerResult<T>> PromptRecognizer<T>(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure(T? partial = default) => new() { Succeeded = false, Value = partial };
}

public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, IDictionary<string, object?> state, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        State = state;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>The prompt's own state, kept across its attempts.</summary>
    public IDictionary<string, object?> State { get; }

    /// <summary>How many replies this prompt has received, this one included.</summary>
    public int AttemptCount { get; }
}
