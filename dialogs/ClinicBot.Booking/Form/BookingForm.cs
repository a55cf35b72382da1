using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Form;

/// <summary>
/// The booking form: its fields in the order they are asked. The dialog's questions, re-asks, attempt limits,
/// give-ups, the "what to change" buttons and the next step all come from this list, so adding a field is one
/// entry here (plus its texts in booking-prompts.json and its value on <see cref="BookingDraft"/>).
/// </summary>
public static class BookingForm
{
    /// <summary>Replies at the summary before the booking ends unconfirmed.</summary>
    public const int ConfirmAttempts = 5;

    /// <summary>Replies to "what would you like to change?" before going back to the summary.</summary>
    public const int ChooseFieldAttempts = 3;

    public static IReadOnlyList<FormField> Fields { get; } =
    [
        // Never asked: the person booking, unless a message says otherwise ("it's for my mom"), at any step.
        new(BookingStep.CallFor, ChangedAs: null, "askCallFor", "reaskCallFor", GaveUpKey: null, MaxAttempts: 2,
            FieldValidation.ReaskByProblem, (r, reading, input) => r.ReadCallFor(reading, input),
            IsMissing: _ => false,
            Clear: draft => (draft.CallFor, draft.BookedBy) = (null, null)),

        new(BookingStep.Name, BookingField.Name, "askName", "reaskName", "gaveUpName", MaxAttempts: 4,
            FieldValidation.AcceptSingleNameTwice, (r, reading, input) => r.ReadName(reading, input),
            IsMissing: draft => draft.Name is null,
            Clear: draft => draft.Name = null),

        new(BookingStep.Phone, BookingField.Phone, "askPhone", "reaskPhone", "gaveUpPhone", MaxAttempts: 3,
            FieldValidation.ReaskByProblem, (r, reading, input) => r.ReadPhone(reading, input),
            IsMissing: draft => draft.PhoneE164 is null,
            Clear: draft => draft.PhoneE164 = null),

        new(BookingStep.Email, BookingField.Email, "askEmail", "reaskEmail", GaveUpKey: null, MaxAttempts: 3,
            FieldValidation.ReaskByProblem, (r, reading, input) => r.ReadEmail(reading, input),
            IsMissing: draft => !draft.EmailAnswered,
            Clear: draft => (draft.Email, draft.EmailAnswered) = (null, false),
            LeaveOut: draft => (draft.Email, draft.EmailAnswered) = (null, true)),

        new(BookingStep.CallbackTime, BookingField.CallbackTime, "askCallback", "reaskCallback", "gaveUpCallback", MaxAttempts: 3,
            FieldValidation.SteerToOpenSlots, (r, reading, input) => r.ReadCallback(reading, input),
            IsMissing: draft => draft.Callback is null,
            Clear: draft => draft.Callback = null),
    ];

    /// <summary>The field a step asks; null for the summary and "what to change".</summary>
    public static FormField? For(BookingStep step) => Fields.FirstOrDefault(f => f.Step == step);

    /// <summary>The field a change request names.</summary>
    public static FormField For(BookingField field) => Fields.First(f => f.ChangedAs == field);

    /// <summary>The fields a person can pick at "what would you like to change?".</summary>
    public static IEnumerable<FormField> Changeable => Fields.Where(f => f.ChangedAs is not null);

    /// <summary>The first field still missing, else the summary (or "what to change" when asked for).</summary>
    public static BookingStep NextStep(BookingDraft draft) =>
        Fields.FirstOrDefault(f => f.IsMissing(draft))?.Step
        ?? (draft.ChoosingFieldToChange ? BookingStep.ChooseFieldToChange : BookingStep.Confirm);
}
