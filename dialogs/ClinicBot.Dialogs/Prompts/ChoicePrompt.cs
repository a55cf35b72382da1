using System.Globalization;
using Microsoft.Bot.Builder;
using ClinicBot.Language.Text;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Dialogs;

/// <summary>
/// Offers <see cref="PromptOptions.Choices"/> as suggested actions and accepts a reply that names one:
/// its title, value or a synonym (case, accents and punctuation ignored), its number in the list, or a
/// card/postBack value of the form {"choice": "..."}.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    public static FoundChoice? Match(string? text, IList<Choice> choices)
    {
        var normalized = TextFolding.LettersAndDigits(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var names = new[] { choice.Value, choice.DisplayText }.Concat(choice.Synonyms);
            if (names.Any(n => TextFolding.LettersAndDigits(n) == normalized))
            {
                return new FoundChoice(choice.Value, i);
            }
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice(choices[number - 1].Value, number - 1);
        }

        return null;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is not null)
        {
            text = JToken.FromObject(turnContext.Activity.Value) is JObject value ? (string?)value["choice"] : null;
        }

        var found = Match(text, choices);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failure()
            : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}
