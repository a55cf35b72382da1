using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Understanding;

public enum ConfirmationAction
{
    None,
    Confirm,
    Change,
    Cancel,
}

/// <summary>
/// What one message said during the booking: the asked field's value or the precise problem with it, plus
/// any other field it also carried (corrections such as "actually use my cell, 713-555-0177").
/// </summary>
public sealed class BookingAnswer
{
    public BookingStep Step { get; init; }

    /// <summary>Who the call is for, when the message says it is for someone else ("for my mom").</summary>
    public string? CallFor { get; set; }

    /// <summary>True when <see cref="Name"/> was given as theirs ("her name is …"), not the booker's.</summary>
    public bool NameIsTheirs { get; set; }

    /// <summary>A name given as one's own ("I'm Ana Díaz"): the booker's when the call is for someone else.</summary>
    public string? BookerName { get; set; }

    /// <summary>At the name question, the message was a time wish ("whenever next week").</summary>
    public bool TimeAtNameStep { get; set; }

    /// <summary>A time wish in the message that the clinic can't call at (a Saturday), kept for the time question.</summary>
    public DateTimeOffset? CallbackWish { get; set; }

    public string? Name { get; set; }

    public string? PhoneE164 { get; set; }

    public bool EmailSkipped { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset? Callback { get; set; }

    /// <summary>Why the asked field could not be read (None when it was, or when nothing field-like was said).</summary>
    public FieldProblem Problem { get; set; }

    /// <summary>For the callback time: how the wish was judged (outside hours, too soon...).</summary>
    public CallbackOutcome? CallbackOutcome { get; set; }

    /// <summary>The time the person asked for when it could not be booked as is (for explaining why).</summary>
    public DateTimeOffset? AskedTime { get; set; }

    /// <summary>Open slots to offer instead of the time asked for.</summary>
    public IReadOnlyList<DateTimeOffset> Alternatives { get; set; } = Array.Empty<DateTimeOffset>();

    public ConfirmationAction Confirmation { get; set; }

    /// <summary>The field the person wants to change, when they named it.</summary>
    public BookingField? FieldToChange { get; set; }

    /// <summary>The holiday asked for when the callback outcome is Holiday ("New Year's Day").</summary>
    public string? Holiday { get; set; }

    /// <summary>Values kept, read or corrected on the way in, to be said in the reply (booking-prompts.json notes.*).</summary>
    public List<ValueNote> Notes { get; set; } = new();

    /// <summary>A name given in one word only (accepted when the person repeats it).</summary>
    public string? SingleName { get; set; }

    public bool HasFieldValue => Name is not null || PhoneE164 is not null || EmailSkipped || Email is not null || Callback is not null || CallFor is not null || CallbackWish is not null;

    /// <summary>True when the message answered the question that was asked.</summary>
    public bool AnswersStep => Step switch
    {
        BookingStep.Name => Name is not null,
        BookingStep.Phone => PhoneE164 is not null,
        BookingStep.Email => Email is not null || EmailSkipped,
        BookingStep.CallbackTime => Callback is not null,
        BookingStep.ChooseFieldToChange => FieldToChange is not null || HasFieldValue,
        BookingStep.Confirm => Confirmation != ConfirmationAction.None || FieldToChange is not null || HasFieldValue,
        _ => false,
    };

    /// <summary>The prompt ends when the message moved the booking on: answered, or corrected another field.</summary>
    public bool IsUsable => AnswersStep || HasFieldValue;

    /// <summary>
    /// True when the message was about the asked field at all, even with a problem (a phone with a digit too few,
    /// an address without a dot, a Saturday): then it is not a side question for the question answerer.
    /// </summary>
    public bool IsAboutTheStep => IsUsable || Step switch
    {
        BookingStep.Name => SingleName is not null || TimeAtNameStep || Problem is FieldProblem.LooksLikeEmail or FieldProblem.LooksLikePhone,
        BookingStep.Phone => Problem is FieldProblem.WrongDigitCount or FieldProblem.InvalidAreaCode or FieldProblem.ContainsLetters,
        BookingStep.Email => Problem is FieldProblem.InvalidEmail or FieldProblem.EmailMissingDomain or FieldProblem.TooLong,
        BookingStep.CallbackTime => CallbackOutcome is not null and not Fields.CallbackOutcome.NotUnderstood,
        _ => false,
    };
}
