using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Dialogs;

/// <summary>What a prompt asks, how it asks again, and how long it keeps trying.</summary>
public class PromptOptions
{
    /// <summary>The first question.</summary>
    [JsonConverter(typeof(CompactActivityJson))]
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer that was not understood or not valid (unless the validator sent its own re-ask).</summary>
    [JsonConverter(typeof(CompactActivityJson))]
    public Activity? RetryPrompt { get; set; }

    /// <summary>Offered as suggested actions; a <see cref="ChoicePrompt"/> only accepts one of these.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>Anything the validator needs (kept in the dialog state: JSON after a storage round trip).</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// How many replies the prompt accepts before it gives up and ends with a <see cref="PromptGaveUp"/>
    /// result, so the caller can offer another way (such as the clinic's phone). Null: ask for ever.
    /// </summary>
    public int? MaxAttempts { get; set; }
}

/// <summary>One offered answer of a prompt.</summary>
public class Choice
{
    public Choice()
    {
    }

    public Choice(string value, string? title = null)
    {
        Value = value;
        Title = title;
    }

    /// <summary>What the prompt returns when this choice is picked.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button text (and the text the button sends back); the value when empty.</summary>
    public string? Title { get; set; }

    /// <summary>Other words that pick this choice.</summary>
    public List<string> Synonyms { get; set; } = new();

    public string DisplayText => string.IsNullOrEmpty(Title) ? Value : Title;
}

/// <summary>The choice a <see cref="ChoicePrompt"/> recognised.</summary>
public sealed record FoundChoice(string Value, int Index);

/// <summary>The result a prompt ends with when <see cref="PromptOptions.MaxAttempts"/> replies were not usable.</summary>
public sealed record PromptGaveUp(string PromptId, int AttemptCount);
