using ClinicBot.Booking.Cards;
using ClinicBot.Booking.Texts;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Store;
using ClinicBot.Booking.Understanding;
using ClinicBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Booking;

/// <summary>
/// Books the clinic's FREE call: full name → phone → email (optional) → preferred callback time → summary card
/// and confirmation → one saved booking with a short reference. Fields already given (in the first message or in
/// any answer) are not asked again; a change at the confirmation re-asks only that field. Help, cancel, start
/// over and side questions are handled at every step before the pending question sees the message.
/// </summary>
public sealed class BookingDialog : ComponentDialog
{
    /// <summary>The id to begin this dialog with: <c>dc.BeginDialogAsync(BookingDialog.Id, new BookingOptions(text))</c>.</summary>
    public new const string Id = "BookingDialog";

    private const string FlowId = "BookingDialog.flow";
    private const string AnswerPromptId = "BookingDialog.answer";
    private const string DraftKey = "draft";
    private const string IdempotencyKeyKey = "idempotencyKey";
    private const string LastActivityIdKey = "lastActivityId";
    private const string SingleNameKey = "singleName";

    private static readonly IReadOnlyDictionary<BookingStep, int> MaxAttempts = new Dictionary<BookingStep, int>
    {
        [BookingStep.Name] = 4,
        [BookingStep.Phone] = 3,
        [BookingStep.Email] = 3,
        [BookingStep.CallbackTime] = 3,
        [BookingStep.ChooseFieldToChange] = 3,
        [BookingStep.Confirm] = 5,
    };

    private readonly IBookingStore _store;
    private readonly IQuestionAnswerer _questions;
    private readonly TimeProvider _clock;
    private readonly ILogger<BookingDialog> _logger;
    private readonly BookingMessageReader _reader;
    private readonly BookingCommandRecognizer _commands = new();
    private readonly BookingTexts _texts;
    private readonly CallbackWindow _window;

    /// <summary>With the built-in texts and the window of the built-in clinic facts (tests, tools).</summary>
    public BookingDialog(IBookingStore store, IQuestionAnswerer questions, TimeProvider clock, ILogger<BookingDialog> logger)
        : this(store, questions, clock, logger, CallbackWindow.ClinicDefault, BookingTexts.Default)
    {
    }

    /// <summary>The app's: the window of the loaded clinic facts and the texts of the loaded booking content.</summary>
    public BookingDialog(IBookingStore store, IQuestionAnswerer questions, TimeProvider clock, ILogger<BookingDialog> logger, CallbackWindow window, BookingTexts texts)
        : base(Id)
    {
        _window = window ?? throw new ArgumentNullException(nameof(window));
        _reader = new BookingMessageReader(window);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _questions = questions ?? throw new ArgumentNullException(nameof(questions));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));

        AddDialog(new WaterfallDialog(FlowId, new WaterfallStep[] { AskNextQuestionStepAsync, ApplyAnswerStepAsync }));
        AddDialog(new BookingAnswerPrompt(AnswerPromptId, _reader, _clock, ValidateAnswerAsync));
        InitialDialogId = FlowId;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var bookingOptions = StateValues.Convert<BookingOptions>(options) ?? new BookingOptions();
        var draft = new BookingDraft { IdempotencyKey = Guid.NewGuid().ToString("N") };
        var activity = innerDc.Context.Activity;

        var outerState = innerDc.Parent!.ActiveDialog!.State;
        outerState[IdempotencyKeyKey] = draft.IdempotencyKey;
        outerState[LastActivityIdKey] = activity.Id;

        var firstMessage = _reader.ReadAll(bookingOptions.FirstMessage, _clock.GetUtcNow(), activity.LocalTimezone);
        var hadDetails = Apply(draft, firstMessage);

        await SendAsync(innerDc.Context, _texts.Get(hadDetails ? "startWithDetails" : "start"), cancellationToken).ConfigureAwait(false);
        await SendNotesAsync(innerDc.Context, firstMessage, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Booking started");
        return await innerDc.BeginDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Interruptions come first: cancel, start over, help, then side questions the pending question can't use.</summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var activity = context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        if (IsRedelivery(innerDc, activity))
        {
            _logger.LogInformation("Booking message delivered twice; ignored the repeat");
            return EndOfTurn;
        }

        switch (_commands.Recognize(activity.Text ?? string.Empty))
        {
            case BookingCommand.Cancel:
                return await CancelAsync(innerDc, cancellationToken).ConfigureAwait(false);

            case BookingCommand.StartOver:
                await SendAsync(context, _texts.Get("startOver"), cancellationToken).ConfigureAwait(false);
                var key = innerDc.Parent!.ActiveDialog!.State.Get<string>(IdempotencyKeyKey) ?? Guid.NewGuid().ToString("N");
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(FlowId, new BookingDraft { IdempotencyKey = key }, cancellationToken).ConfigureAwait(false);

            case BookingCommand.Help:
                await SendAsync(context, _texts.Get("help"), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
        }

        if (!PendingQuestionCanUse(innerDc) && await _questions.TryAnswerAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        return await innerDc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for the first missing field, or shows the summary for confirmation.</summary>
    private async Task<DialogTurnResult> AskNextQuestionStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = step.GetOptions<BookingDraft>() ?? new BookingDraft { IdempotencyKey = Guid.NewGuid().ToString("N") };
        var callbackWentStale = IsStale(draft.Callback);
        if (callbackWentStale)
        {
            // The conversation was resumed after the chosen time passed: ask for a new one.
            draft.Callback = null;
        }

        step.Values[DraftKey] = draft;
        var next = draft.NextStep();
        var options = new PromptOptions
        {
            Validations = next,
            MaxAttempts = MaxAttempts[next],
            Prompt = QuestionFor(next, draft, callbackWentStale),
            RetryPrompt = MessageFactory.Text(RetryTextFor(next, draft)),
        };

        if (next == BookingStep.ChooseFieldToChange)
        {
            options.Choices = ChangeableFields();
        }

        return await step.PromptAsync(AnswerPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the answer into the booking, then asks the next question, saves, or ends.</summary>
    private async Task<DialogTurnResult> ApplyAnswerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = step.Values.Get<BookingDraft>(DraftKey)!;
        var pending = draft.NextStep();

        if (step.Result is PromptGaveUp)
        {
            return await GiveUpAsync(step, draft, pending, cancellationToken).ConfigureAwait(false);
        }

        var answer = StateValues.Convert<BookingAnswer>(step.Result)!;
        if (pending == BookingStep.Confirm)
        {
            switch (answer.Confirmation)
            {
                case ConfirmationAction.Confirm when !answer.HasFieldValue && IsStale(draft.Callback):
                    // The confirmation waited so long that the chosen time passed: the next step asks again.
                    return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
                case ConfirmationAction.Confirm when !answer.HasFieldValue:
                    return await SaveAsync(step, draft, cancellationToken).ConfigureAwait(false);
                case ConfirmationAction.Cancel:
                    return await CancelAsync(step, cancellationToken).ConfigureAwait(false);
                case ConfirmationAction.Change when answer.FieldToChange is null && !answer.HasFieldValue:
                    draft.ChoosingFieldToChange = true;
                    break;
            }
        }

        if (pending is BookingStep.Confirm or BookingStep.ChooseFieldToChange && answer.FieldToChange is { } field)
        {
            draft.ChoosingFieldToChange = false;
            draft.Clear(field);
        }

        var changedAnotherField = Apply(draft, answer) && !answer.AnswersStep;
        await SendNotesAsync(step.Context, answer, cancellationToken).ConfigureAwait(false);
        if (changedAnotherField || (pending == BookingStep.Confirm && answer.HasFieldValue))
        {
            draft.ChoosingFieldToChange = false;
            if (pending != BookingStep.Confirm)
            {
                await SendAsync(step.Context, _texts.Get("fieldUpdated"), cancellationToken).ConfigureAwait(false);
            }
        }

        return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ValidateAnswerAsync(PromptValidatorContext<BookingAnswer> prompt, CancellationToken cancellationToken)
    {
        var answer = prompt.Recognized.Value;
        if (prompt.Recognized.Succeeded || answer is null)
        {
            return prompt.Recognized.Succeeded;
        }

        if (prompt.Options.MaxAttempts is int max && prompt.AttemptCount >= max)
        {
            // The prompt gives up now; the way out is said instead of another re-ask.
            return false;
        }

        var context = prompt.Context;
        switch (answer.Step)
        {
            case BookingStep.Name when answer.SingleName is { } single:
                // A one-word name is accepted when the person gives it again.
                if (string.Equals(prompt.State.Get<string>(SingleNameKey), single, StringComparison.OrdinalIgnoreCase))
                {
                    answer.Name = single;
                    return true;
                }

                prompt.State[SingleNameKey] = single;
                await SendAsync(context, _texts.Reask("reaskName", FieldProblem.SingleName), cancellationToken).ConfigureAwait(false);
                return false;

            case BookingStep.Name:
                await SendAsync(context, _texts.Reask("reaskName", answer.Problem), cancellationToken).ConfigureAwait(false);
                return false;

            case BookingStep.Phone:
                await SendAsync(context, _texts.Reask("reaskPhone", answer.Problem), cancellationToken).ConfigureAwait(false);
                return false;

            case BookingStep.Email:
                await SendAsync(context, _texts.Reask("reaskEmail", answer.Problem), cancellationToken).ConfigureAwait(false);
                return false;

            case BookingStep.CallbackTime:
                await SteerCallbackAsync(prompt, answer, cancellationToken).ConfigureAwait(false);
                return false;

            default:
                // Confirmation and "what to change": the retry prompt says what is expected.
                return false;
        }
    }

    /// <summary>Explains why the wished time can't be booked and offers the nearest open slots as buttons.</summary>
    private async Task SteerCallbackAsync(PromptValidatorContext<BookingAnswer> prompt, BookingAnswer answer, CancellationToken cancellationToken)
    {
        var slots = answer.Alternatives.Take(3).Select(t => new OfferedSlot(CallbackFormat.Label(t, _window.TimeZone), t)).ToList();
        prompt.State[BookingAnswerPrompt.OfferedKey] = slots;

        var reason = CallbackReason(answer);
        var text = slots.Count == 0 && reason is not ("default" or "ZoneUnknown")
            ? _texts.Get("reaskCallbackNoSlots")
            : _texts.Reask("reaskCallback", reason);
        if (ClosedDayNote(answer, reason) is { } note)
        {
            text = note + " " + text;
        }
        var reply = MessageFactory.Text(text);
        if (slots.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = slots.Select(s => new CardAction(ActionTypes.ImBack, s.Label, value: s.Label)).ToList(),
            };
        }

        await prompt.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private string CallbackReason(BookingAnswer answer)
    {
        switch (answer.CallbackOutcome)
        {
            case CallbackOutcome.InPast:
                return "Past";
            case CallbackOutcome.TooSoon:
                return "TooSoon";
            case CallbackOutcome.ZoneUnknown:
                return "ZoneUnknown";
            case CallbackOutcome.Holiday:
                return "Holiday";
            case CallbackOutcome.OutsideHours:
                break;
            default:
                return "default";
        }

        // Say why in the clinic's terms: the asked time is judged in the clinic's zone.
        return answer.AskedTime is { } asked ? ClosedReason(asked) : "Closed";
    }

    private string ClosedReason(DateTimeOffset time)
    {
        var window = _window;
        var local = TimeZoneInfo.ConvertTime(time, window.TimeZone);
        if (!window.Days.Contains(local.DayOfWeek))
        {
            return "Weekend";
        }

        if (window.ClosedDates.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return "ClosedDate";
        }

        var clock = TimeOnly.FromDateTime(local.DateTime);
        if (clock < window.Opens)
        {
            return "EarlyMorning";
        }

        return clock > window.LastStart ? "Evening" : "Closed";
    }

    /// <summary>Why a day is out, said before the offered slots: a holiday (no holiday schedule on the page) or a closed date.</summary>
    private string? ClosedDayNote(BookingAnswer answer, string reason)
    {
        if (answer.AskedTime is not { } asked || reason is not ("Holiday" or "ClosedDate"))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(asked, _window.TimeZone);
        var thisYear = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), _window.TimeZone).Year == local.Year;
        var date = local.ToString(thisYear ? "dddd, MMMM d" : "dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return reason == "Holiday"
            ? _texts.Get("notes.holiday", new { holiday = answer.Holiday ?? string.Empty, date })
            : _texts.Get("notes.closedDate", new { date });
    }

    /// <summary>Says every value that was kept, read or corrected on the way in (booking-prompts.json notes.*).</summary>
    private async Task SendNotesAsync(ITurnContext context, BookingAnswer answer, CancellationToken cancellationToken)
    {
        foreach (var note in answer.Notes)
        {
            await SendAsync(context, _texts.Get("notes." + note.Key, note.Values), cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsStale(DateTimeOffset? callback) =>
        callback is { } time && time < _clock.GetUtcNow() + _window.MinimumNotice;

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, BookingDraft draft, CancellationToken cancellationToken)
    {
        var request = new BookingRequest(
            draft.IdempotencyKey,
            draft.Name!,
            draft.PhoneE164!,
            draft.Email,
            TimeZoneInfo.ConvertTime(draft.Callback!.Value, _window.TimeZone),
            _clock.GetUtcNow(),
            string.IsNullOrEmpty(step.Context.Activity.ChannelId) ? "unknown" : step.Context.Activity.ChannelId);

        BookingSaveResult saved;
        try
        {
            saved = await _store.SaveAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages of storage errors could quote values.
            _logger.LogError("Saving a booking failed ({ErrorType}); the person was asked to retry or call", ex.GetType().Name);
            draft.SaveFailed = true;
            await SendAsync(step.Context, _texts.Get("saveFailed"), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogInformation("Booking saved (new: {Created})", saved.Created);
        await SendAsync(
            step.Context,
            _texts.Get("booked", new
            {
                reference = saved.Reference,
                phone = PhoneFormat.Display(draft.PhoneE164!),
                callback = CallbackFormat.Label(draft.Callback!.Value, _window.TimeZone),
            }),
            cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new BookingResult(BookingOutcome.Booked, saved.Reference), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, BookingDraft draft, BookingStep pending, CancellationToken cancellationToken)
    {
        if (pending == BookingStep.Email)
        {
            // The email is optional: leave it out and go on.
            draft.EmailAnswered = true;
            draft.Email = null;
            await SendAsync(step.Context, _texts.Get("gaveUpEmail"), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
        }

        if (pending == BookingStep.ChooseFieldToChange)
        {
            draft.ChoosingFieldToChange = false;
            return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
        }

        var key = pending switch
        {
            BookingStep.Name => "gaveUpName",
            BookingStep.Phone => "gaveUpPhone",
            BookingStep.CallbackTime => "gaveUpCallback",
            _ => "gaveUpConfirm",
        };
        _logger.LogInformation("Booking ended without a booking after repeated unusable answers at {Step}", pending);
        await SendAsync(step.Context, _texts.Get(key), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new BookingResult(BookingOutcome.GaveUp), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CancelAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await SendAsync(innerDc.Context, _texts.Get("cancelled"), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Booking cancelled by the person; nothing saved");
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled, new BookingResult(BookingOutcome.Cancelled));
    }

    /// <summary>Applies every field value the answer carries; returns true when something changed.</summary>
    private static bool Apply(BookingDraft draft, BookingAnswer answer)
    {
        var changed = false;
        if (answer.Name is not null)
        {
            draft.Name = answer.Name;
            changed = true;
        }

        if (answer.PhoneE164 is not null)
        {
            draft.PhoneE164 = answer.PhoneE164;
            changed = true;
        }

        if (answer.Email is not null)
        {
            draft.Email = answer.Email;
            draft.EmailAnswered = true;
            changed = true;
        }
        else if (answer.EmailSkipped)
        {
            draft.Email = null;
            draft.EmailAnswered = true;
            changed = true;
        }

        if (answer.Callback is not null)
        {
            draft.Callback = answer.Callback;
            changed = true;
        }

        if (changed)
        {
            draft.SaveFailed = false;
        }

        return changed;
    }

    /// <summary>
    /// True when the message says something about the pending question (an answer, or a wrong value) — then it is
    /// not sent to the question answerer ("thursday around 3" is a time, not a question about the hours).
    /// </summary>
    private bool PendingQuestionCanUse(DialogContext innerDc)
    {
        var promptInstance = innerDc.ActiveDialog;
        if (promptInstance is null || promptInstance.Id != AnswerPromptId)
        {
            return false;
        }

        var options = PromptStateKeys.PromptOptions(promptInstance);
        if (options is null)
        {
            return false;
        }

        var activity = innerDc.Context.Activity;
        var offered = PromptStateKeys.PromptState(promptInstance).Get<List<OfferedSlot>>(BookingAnswerPrompt.OfferedKey) ?? new List<OfferedSlot>();
        var peek = _reader.Read(BookingAnswerPrompt.StepOf(options), activity.Text, activity.Value, _clock.GetUtcNow(), activity.LocalTimezone, offered);
        return peek.IsAboutTheStep;
    }

    /// <summary>Channels retry a delivery they could not confirm: the same activity id is handled once.</summary>
    private static bool IsRedelivery(DialogContext innerDc, IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.Id) || innerDc.Parent?.ActiveDialog is not { } outer)
        {
            return false;
        }

        if (string.Equals(outer.State.Get<string>(LastActivityIdKey), activity.Id, StringComparison.Ordinal))
        {
            return true;
        }

        outer.State[LastActivityIdKey] = activity.Id;
        return false;
    }

    private Activity? QuestionFor(BookingStep next, BookingDraft draft, bool callbackWentStale) => next switch
    {
        BookingStep.Name => MessageFactory.Text(_texts.Get("askName")),
        BookingStep.Phone => MessageFactory.Text(_texts.Get("askPhone", new { name = FirstName(draft.Name) })),
        BookingStep.Email => MessageFactory.Text(_texts.Get("askEmail")),
        BookingStep.CallbackTime => MessageFactory.Text(callbackWentStale ? _texts.Get("callbackPassed") + " " + _texts.Get("askCallback") : _texts.Get("askCallback")),
        BookingStep.ChooseFieldToChange => MessageFactory.Text(_texts.Get("askWhichField")),
        _ => draft.SaveFailed ? null : ConfirmationMessage(draft),
    };

    private string RetryTextFor(BookingStep next, BookingDraft draft) => next switch
    {
        BookingStep.Name => _texts.Reask("reaskName", "default"),
        BookingStep.Phone => _texts.Reask("reaskPhone", "default"),
        BookingStep.Email => _texts.Reask("reaskEmail", "default"),
        BookingStep.CallbackTime => _texts.Reask("reaskCallback", "default"),
        BookingStep.ChooseFieldToChange => _texts.Get("askWhichField"),
        _ => draft.SaveFailed ? _texts.Get("reaskConfirmSaveFailed") : _texts.Get("confirmReask"),
    };

    private Activity ConfirmationMessage(BookingDraft draft)
    {
        var card = ConfirmationCard.Create(
            _texts,
            draft.Name!,
            PhoneFormat.Display(draft.PhoneE164!),
            draft.Email,
            CallbackFormat.Label(draft.Callback!.Value, _window.TimeZone));
        var message = MessageFactory.Attachment(card, _texts.Get("confirmSummaryIntro"));
        return (Activity)message;
    }

    private List<Choice> ChangeableFields() => new()
    {
        new Choice(nameof(BookingField.Name), _texts.Get("fieldNames.Name")),
        new Choice(nameof(BookingField.Phone), _texts.Get("fieldNames.Phone")),
        new Choice(nameof(BookingField.Email), _texts.Get("fieldNames.Email")),
        new Choice(nameof(BookingField.CallbackTime), _texts.Get("fieldNames.CallbackTime")),
    };

    private static string FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    private static Task SendAsync(ITurnContext context, string text, CancellationToken cancellationToken) =>
        context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
