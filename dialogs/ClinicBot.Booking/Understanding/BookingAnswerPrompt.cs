using System.Globalization;
using ClinicBot.Dialogs;
using Microsoft.Bot.Builder;

namespace ClinicBot.Booking.Understanding;

/// <summary>
/// Asks one booking question (the step is in <see cref="PromptOptions.Validations"/>) and reads the reply with
/// <see cref="BookingMessageReader"/>. The slots offered on a re-ask are kept in the prompt's own state, so a
/// button's text maps back to its exact time.
/// </summary>
public sealed class BookingAnswerPrompt : Prompt<BookingAnswer>
{
    public const string OfferedKey = "offered";

    private readonly BookingMessageReader _reader;
    private readonly TimeProvider _clock;

    public BookingAnswerPrompt(string dialogId, BookingMessageReader reader, TimeProvider clock, PromptValidator<BookingAnswer> validator)
        : base(dialogId, validator)
    {
        _reader = reader;
        _clock = clock;
    }

    public static BookingStep StepOf(PromptOptions options) => StateValues.Convert<BookingStep>(options.Validations);

    /// <summary>
    /// The slots offered as buttons: those of the last re-ask, else those the question itself offered (a time
    /// asked for before the time question), kept in the options' choices as timestamps.
    /// </summary>
    public static IReadOnlyList<OfferedSlot> Offered(IDictionary<string, object?> state, PromptOptions options)
    {
        if (state.Get<List<OfferedSlot>>(OfferedKey) is { Count: > 0 } offered)
        {
            return offered;
        }

        return (options.Choices ?? [])
            .Select(c => DateTimeOffset.TryParseExact(c.Value, ChoiceFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? new OfferedSlot(c.DisplayText, time) : null)
            .OfType<OfferedSlot>()
            .ToList();
    }

    /// <summary>An offered slot's time as a choice value.</summary>
    public static string ChoiceValue(DateTimeOffset time) => time.ToString(ChoiceFormat, CultureInfo.InvariantCulture);

    private const string ChoiceFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    protected override Task<PromptRecognizerResult<BookingAnswer>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var offered = Offered(state, options);
        var answer = _reader.Read(
            StepOf(options),
            activity.Text,
            activity.Value,
            _clock.GetUtcNow(),
            activity.LocalTimezone,
            offered);

        return Task.FromResult(answer.IsUsable
            ? PromptRecognizerResult<BookingAnswer>.Success(answer)
            : PromptRecognizerResult<BookingAnswer>.Failure(answer));
    }
}
