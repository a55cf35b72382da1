using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Understanding;

namespace ClinicBot.Booking.Form;

/// <summary>How a field's unusable answers are met, beyond the precise re-ask for the problem found.</summary>
public enum FieldValidation
{
    /// <summary>The re-ask for the problem found (ReaskKey + problem in booking-prompts.json).</summary>
    ReaskByProblem,

    /// <summary>As ReaskByProblem; a one-word name is accepted when the person gives it again.</summary>
    AcceptSingleNameTwice,

    /// <summary>A time the clinic can't call at is explained and the nearest open slots offered as buttons.</summary>
    SteerToOpenSlots,
}

/// <summary>Reads the message as the answer to this field's question, into the reading.</summary>
/// <param name="recognizers">The value recognisers.</param>
/// <param name="reading">The reading to fill: the value, or the problem with it.</param>
/// <param name="input">The message and what it is read against (now, the person's zone, offered slots).</param>
public delegate void FieldReader(FieldRecognizers recognizers, BookingAnswer reading, FieldInput input);

/// <summary>
/// One field of the booking form: the step that asks it, its texts (keys of booking-prompts.json; a
/// "forSomeoneElse.&lt;key&gt;" text replaces one when the call is for someone else), its recogniser, how unusable
/// answers are met, how many replies it takes before giving up, and how it is filled, cleared and changed.
/// </summary>
/// <param name="Step">The step that asks it.</param>
/// <param name="ChangedAs">The field a change request at the confirmation names ("change the phone"); null when it is not changed that way.</param>
/// <param name="AskKey">The question.</param>
/// <param name="ReaskKey">The group of precise re-asks, by problem, with a "default".</param>
/// <param name="GaveUpKey">Said when the replies ran out and the booking ends; null for an optional field, which is then left out.</param>
/// <param name="MaxAttempts">Unusable replies before giving up.</param>
/// <param name="Validation">How unusable answers are met.</param>
/// <param name="Read">The recogniser.</param>
/// <param name="IsMissing">True while the question still has to be asked.</param>
/// <param name="Clear">Forgets the value so the question is asked again.</param>
/// <param name="LeaveOut">Records an optional field as left out; null when the field is required.</param>
public sealed record FormField(
    BookingStep Step,
    BookingField? ChangedAs,
    string AskKey,
    string ReaskKey,
    string? GaveUpKey,
    int MaxAttempts,
    FieldValidation Validation,
    FieldReader Read,
    Func<BookingDraft, bool> IsMissing,
    Action<BookingDraft> Clear,
    Action<BookingDraft>? LeaveOut = null)
{
    public bool IsOptional => LeaveOut is not null;
}
