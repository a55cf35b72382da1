using ClinicBot.Booking.Cards;
using ClinicBot.Booking.Form;
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
/// Books the clinic's FREE call with the fields of <see cref="BookingForm"/> (who it is for → full name → phone →
/// email (optional) → preferred callback time), then a summary card and confirmation → one saved booking with a
/// short reference. Fields already given (in the first message or in any answer) are not asked again; a change
/// at the confirmation re-asks only that field. Every message is first read for what it is
/// (<see cref="BookingTurnReader"/>): a command, an answer or correction, a refusal of the call, a question about
/// the booking or a page question.
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

    private readonly IBookingStore _store;
    private readonly IQuestionAnswerer _questions;
    private readonly TimeProvider _clock;
    private readonly ILogger<BookingDialog> _logger;
    private readonly BookingMessageReader _reader;
    private readonly BookingTurnReader _turns = new();
    private readonly BookingTexts _texts;
    private readonly DraftWording _wording;
    private readonly CallbackWindow _window;
    private readonly CallbackSteering _steering;

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
        _steering = new CallbackSteering(window, texts, clock);
        _wording = new DraftWording(texts);

        AddDialog(new WaterfallDialog(FlowId, new WaterfallStep[] { AskNextQuestionStepAsync, ApplyAnswerStepAsync }));
        AddDialog(new BookingAnswerPrompt(AnswerPromptId, _reader, _clock, ValidateAnswerAsync));
        InitialDialogId = FlowId;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var bookingOptions = StateValues.Convert<BookingOptions>(options) ?? new BookingOptions();
        if (_turns.DeclinesBooking(bookingOptions.FirstMessage))
        {
            // "not looking to book anything, just questions": no booking starts.
            await SendAsync(innerDc.Context, _texts.Get("declined"), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Booking not started: the person said they want no call");
            return new DialogTurnResult(DialogTurnStatus.Complete, new BookingResult(BookingOutcome.Declined));
        }

        var draft = new BookingDraft { IdempotencyKey = Guid.NewGuid().ToString("N") };
        var activity = innerDc.Context.Activity;

        var outerState = innerDc.Parent!.ActiveDialog!.State;
        outerState[IdempotencyKeyKey] = draft.IdempotencyKey;
        outerState[LastActivityIdKey] = activity.Id;

        var firstMessage = _reader.ReadAll(bookingOptions.FirstMessage, _clock.GetUtcNow(), activity.LocalTimezone);
        var hadDetails = Apply(draft, firstMessage).Changed && (draft.Name ?? draft.PhoneE164 ?? draft.Email ?? (object?)draft.Callback ?? draft.CallbackWish) is not null;

        await SendAsync(innerDc.Context, Text(hadDetails ? "startWithDetails" : "start", draft), cancellationToken).ConfigureAwait(false);
        await SendNotesAsync(innerDc.Context, firstMessage, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Booking started");
        return await innerDc.BeginDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each message is read for what it is first (<see cref="BookingTurnReader"/>); only an answer reaches the pending question.</summary>
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

        var asked = PendingStep(innerDc);
        var reading = ReadPending(innerDc, asked);
        var turn = _turns.Read(activity.Text, asked is { } step ? BookingForm.For(step)?.ChangedAs : null, reading);
        switch (turn.Kind)
        {
            case TurnKind.Command when turn.Command == BookingCommand.Cancel:
                return await CancelAsync(innerDc, cancellationToken).ConfigureAwait(false);

            case TurnKind.Command when turn.Command == BookingCommand.StartOver:
                await SendAsync(context, _texts.Get("startOver"), cancellationToken).ConfigureAwait(false);
                var key = innerDc.Parent!.ActiveDialog!.State.Get<string>(IdempotencyKeyKey) ?? Guid.NewGuid().ToString("N");
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(FlowId, new BookingDraft { IdempotencyKey = key }, cancellationToken).ConfigureAwait(false);

            case TurnKind.Command:
                await SendAsync(context, _texts.Get("help"), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;

            case TurnKind.Refusal:
                await SendAsync(context, _texts.Get("declinedDuringBooking"), cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Booking ended: the person said they want no call; nothing saved");
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Cancelled, new BookingResult(BookingOutcome.Declined));

            case TurnKind.BookingQuestion:
                var question = turn.Question!;
                await SendAsync(context, _texts.Has(question.AnswerKey) ? _texts.Get(question.AnswerKey) : _texts.Get(question.DefaultAnswerKey), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;

            case TurnKind.Other when await _questions.TryAnswerAsync(context, cancellationToken).ConfigureAwait(false):
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
        }

        return await innerDc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for the first missing field of the form, or shows the summary for confirmation.</summary>
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
        var field = BookingForm.For(next);
        var options = new PromptOptions
        {
            Validations = next,
            MaxAttempts = field?.MaxAttempts ?? (next == BookingStep.Confirm ? BookingForm.ConfirmAttempts : BookingForm.ChooseFieldAttempts),
            Prompt = QuestionFor(next, field, draft, callbackWentStale),
            RetryPrompt = MessageFactory.Text(RetryTextFor(next, field, draft)),
        };

        if (next == BookingStep.ChooseFieldToChange)
        {
            options.Choices = ChangeableFields();
        }
        else if (next == BookingStep.CallbackTime && draft.CallbackWish is { } wish)
        {
            // A time asked for earlier that the clinic can't call at: say why and offer the nearest open times.
            draft.CallbackWish = null;
            _steering.SteerEarlierWish(options, wish, _clock.GetUtcNow());
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

        var wasForSomeoneElse = draft.ForSomeoneElse;
        var applied = Apply(draft, answer);
        var changedAnotherField = applied.Changed && !answer.AnswersStep;
        await SendNotesAsync(step.Context, answer, cancellationToken).ConfigureAwait(false);
        if (changedAnotherField || (pending == BookingStep.Confirm && answer.HasFieldValue))
        {
            draft.ChoosingFieldToChange = false;
            if (pending != BookingStep.Confirm)
            {
                await SendAsync(step.Context, NoteFor(draft, answer, applied, pending, wasForSomeoneElse), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (applied.BookerNamed && pending != BookingStep.Confirm)
        {
            await SendAsync(step.Context, _texts.Get("bookerNoted", new { name = FirstName(draft.BookedBy) }), cancellationToken).ConfigureAwait(false);
        }

        return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What to say when a message filled something other than the question asked.</summary>
    private string NoteFor(BookingDraft draft, BookingAnswer answer, AppliedAnswer applied, BookingStep pending, bool wasForSomeoneElse)
    {
        if (!wasForSomeoneElse && draft.ForSomeoneElse)
        {
            return Text("noted", draft);
        }

        if (answer.Callback is { } time && pending != BookingStep.CallbackTime)
        {
            return _texts.Get("timeNoted", new { callback = CallbackFormat.Label(time, _window.TimeZone) });
        }

        if (answer.CallbackWish is not null && answer.Callback is null)
        {
            return _texts.Get("timeWishNoted");
        }

        return applied.BookerNamed && answer.Name is null ? _texts.Get("bookerNoted", new { name = FirstName(draft.BookedBy) }) : _texts.Get("fieldUpdated");
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

        if (BookingForm.For(answer.Step) is not { } field)
        {
            // Confirmation and "what to change": the retry prompt says what is expected.
            return false;
        }

        var context = prompt.Context;
        switch (field.Validation)
        {
            case FieldValidation.AcceptSingleNameTwice when answer.SingleName is { } single:
                // A one-word name is accepted when the person gives it again.
                if (string.Equals(prompt.State.Get<string>(SingleNameKey), single, StringComparison.OrdinalIgnoreCase))
                {
                    answer.Name = single;
                    return true;
                }

                prompt.State[SingleNameKey] = single;
                await SendAsync(context, _texts.Reask(field.ReaskKey, FieldProblem.SingleName), cancellationToken).ConfigureAwait(false);
                return false;

            case FieldValidation.SteerToOpenSlots:
                await SteerCallbackAsync(prompt, answer, cancellationToken).ConfigureAwait(false);
                return false;

            default:
                await SendAsync(context, _texts.Reask(field.ReaskKey, answer.Problem), cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>Explains why the wished time can't be booked and offers the nearest open slots as buttons.</summary>
    private async Task SteerCallbackAsync(PromptValidatorContext<BookingAnswer> prompt, BookingAnswer answer, CancellationToken cancellationToken)
    {
        var slots = _steering.SlotsFor(answer);
        prompt.State[BookingAnswerPrompt.OfferedKey] = slots;
        await prompt.Context.SendActivityAsync(_steering.Message(answer, slots), cancellationToken).ConfigureAwait(false);
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
            string.IsNullOrEmpty(step.Context.Activity.ChannelId) ? "unknown" : step.Context.Activity.ChannelId,
            draft.CallFor,
            draft.ForSomeoneElse ? draft.BookedBy : null);

        BookingSaveResult saved;
        try
        {
            saved = await _store.SaveAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BookingLimitReachedException)
        {
            return await RefuseOverDailyLimitAsync(step, cancellationToken).ConfigureAwait(false);
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
            Text("booked", draft, new
            {
                reference = saved.Reference,
                name = draft.Name,
                phone = PhoneFormat.Display(draft.PhoneE164!),
                callback = CallbackFormat.Label(draft.Callback!.Value, _window.TimeZone),
            }),
            cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new BookingResult(BookingOutcome.Booked, saved.Reference), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store refused a booking over the client's daily cap (see BookingLimitReachedException): nothing saved.</summary>
    private async Task<DialogTurnResult> RefuseOverDailyLimitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        _logger.LogWarning("Booking refused: the client reached its daily booking limit; nothing saved");
        await SendAsync(step.Context, _texts.Get("dailyLimitReached"), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new BookingResult(BookingOutcome.GaveUp), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, BookingDraft draft, BookingStep pending, CancellationToken cancellationToken)
    {
        var field = BookingForm.For(pending);
        if (field?.LeaveOut is { } leaveOut)
        {
            // An optional field: leave it out and go on.
            leaveOut(draft);
            await SendAsync(step.Context, _texts.Get("gaveUpEmail"), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
        }

        if (pending == BookingStep.ChooseFieldToChange)
        {
            draft.ChoosingFieldToChange = false;
            return await step.ReplaceDialogAsync(FlowId, draft, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogInformation("Booking ended without a booking after repeated unusable answers at {Step}", pending);
        await SendAsync(step.Context, _texts.Get(field?.GaveUpKey ?? "gaveUpConfirm"), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new BookingResult(BookingOutcome.GaveUp), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CancelAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await SendAsync(innerDc.Context, _texts.Get("cancelled"), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Booking cancelled by the person; nothing saved");
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled, new BookingResult(BookingOutcome.Cancelled));
    }

    /// <summary>What applying an answer changed.</summary>
    private readonly record struct AppliedAnswer(bool Changed, bool BookerNamed);

    /// <summary>Applies every field value the answer carries.</summary>
    private static AppliedAnswer Apply(BookingDraft draft, BookingAnswer answer)
    {
        var changed = false;
        var bookerNamed = false;
        if (answer.CallFor is not null && draft.CallFor is null)
        {
            draft.CallFor = answer.CallFor;
            changed = true;
        }

        if (draft.ForSomeoneElse && answer.BookerName is { } booker)
        {
            // The call is for someone else: a name given as one's own is the booker's ("I'm Ana Díaz").
            if (answer.Name == booker && !answer.NameIsTheirs)
            {
                answer.Name = null;
            }

            if (answer.Name != booker)
            {
                draft.BookedBy = booker;
                bookerNamed = true;
            }
        }

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
            BookingForm.For(BookingStep.Email)!.LeaveOut!(draft);
            changed = true;
        }

        if (answer.Callback is not null)
        {
            draft.Callback = answer.Callback;
            draft.CallbackWish = null;
            changed = true;
        }
        else if (answer.CallbackWish is not null)
        {
            draft.CallbackWish = answer.CallbackWish;
            changed = true;
        }

        if (changed || bookerNamed)
        {
            draft.SaveFailed = false;
        }

        return new AppliedAnswer(changed, bookerNamed);
    }

    /// <summary>The step the pending question asks, when a booking question is waiting for a reply.</summary>
    private static BookingStep? PendingStep(DialogContext innerDc)
    {
        var promptInstance = innerDc.ActiveDialog;
        if (promptInstance is null || promptInstance.Id != AnswerPromptId || PromptStateKeys.PromptOptions(promptInstance) is not { } options)
        {
            return null;
        }

        return BookingAnswerPrompt.StepOf(options);
    }

    /// <summary>The message read as the answer to the pending question (what the prompt itself will read).</summary>
    private BookingAnswer ReadPending(DialogContext innerDc, BookingStep? asked)
    {
        var activity = innerDc.Context.Activity;
        if (asked is not { } step)
        {
            return new BookingAnswer();
        }

        var promptInstance = innerDc.ActiveDialog!;
        var offered = BookingAnswerPrompt.Offered(PromptStateKeys.PromptState(promptInstance), PromptStateKeys.PromptOptions(promptInstance)!);
        return _reader.Read(step, activity.Text, activity.Value, _clock.GetUtcNow(), activity.LocalTimezone, offered);
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

    private Activity? QuestionFor(BookingStep next, FormField? field, BookingDraft draft, bool callbackWentStale)
    {
        if (field is not null)
        {
            var question = Text(field.AskKey, draft, new { name = next == BookingStep.Phone && !draft.ForSomeoneElse ? FirstName(draft.Name) : draft.Name });
            return MessageFactory.Text(callbackWentStale && next == BookingStep.CallbackTime ? _texts.Get("callbackPassed") + " " + question : question);
        }

        return next == BookingStep.ChooseFieldToChange
            ? MessageFactory.Text(_texts.Get("askWhichField"))
            : draft.SaveFailed ? null : ConfirmationMessage(draft);
    }

    private string RetryTextFor(BookingStep next, FormField? field, BookingDraft draft)
    {
        if (field is not null)
        {
            return _texts.Reask(field.ReaskKey, "default");
        }

        return next == BookingStep.ChooseFieldToChange
            ? _texts.Get("askWhichField")
            : draft.SaveFailed ? _texts.Get("reaskConfirmSaveFailed") : _texts.Get("confirmReask");
    }

    private string Text(string key, BookingDraft draft, object? values = null) => _wording.Get(key, draft, values);

    private Activity ConfirmationMessage(BookingDraft draft)
    {
        var callFor = draft.ForSomeoneElse && draft.BookedBy is { } bookedBy
            ? _texts.Get("forSomeoneElse.callFor", new { name = draft.Name, bookedBy })
            : draft.Name!;
        var card = ConfirmationCard.Create(
            _texts,
            callFor,
            PhoneFormat.Display(draft.PhoneE164!),
            draft.Email,
            CallbackFormat.Label(draft.Callback!.Value, _window.TimeZone),
            nameLabel: draft.ForSomeoneElse ? _texts.Get("fieldNames.CallFor") : null);
        var message = MessageFactory.Attachment(card, _texts.Get("confirmSummaryIntro"));
        return (Activity)message;
    }

    private List<Choice> ChangeableFields() =>
        BookingForm.Changeable.Select(f => new Choice(f.ChangedAs!.Value.ToString(), _texts.Get("fieldNames." + f.ChangedAs))).ToList();

    private static string FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    private static Task SendAsync(ITurnContext context, string text, CancellationToken cancellationToken) =>
        context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
