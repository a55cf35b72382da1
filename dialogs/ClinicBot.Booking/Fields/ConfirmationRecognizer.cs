namespace ClinicBot.Booking.Fields;

public enum ConfirmationKind
{
    Confirm,
    Reject,
    Change,
    NotUnderstood,
}

/// <summary>
/// The answer at the summary step. <see cref="Field"/> and <see cref="NewValueText"/> are set for Change:
/// the field to change and, when the message already carries it, the new value as typed ("actually make it
/// friday 2pm" → CallbackTime, "friday 2pm"), for the dialog to run through that field's recognizer.
/// </summary>
public sealed record ConfirmationAnswer(ConfirmationKind Kind, BookingField? Field, string? NewValueText)
{
    public static ConfirmationAnswer Confirmed { get; } = new(ConfirmationKind.Confirm, null, null);

    public static ConfirmationAnswer Rejected { get; } = new(ConfirmationKind.Reject, null, null);

    public static ConfirmationAnswer Unclear { get; } = new(ConfirmationKind.NotUnderstood, null, null);
}

/// <summary>
/// Reads the reply to "Is this right?": yes ("yes", "si", "correct", "looks good"), no ("no", "cancel",
/// "that's wrong"), or a change ("change the phone", "wrong email", "actually make it friday 2pm").
/// A change wins over a yes ("yes but change the phone"). "No" here only means "not confirmed": whether that
/// cancels is for the dialog to decide. Negated cancels ("I don't want to cancel") are not a no.
/// </summary>
public sealed class ConfirmationRecognizer
{
    public ConfirmationAnswer Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return ConfirmationAnswer.Unclear;
        }

        var words = CommandText.Words(text);
        if (words.Count == 0)
        {
            return ConfirmationWords.IsThumbsUp(text) ? ConfirmationAnswer.Confirmed : ConfirmationAnswer.Unclear;
        }

        var change = ChangeRequestReader.Read(text, words);
        if (change is not null)
        {
            return change;
        }

        if (ConfirmationWords.IsConfirm(words))
        {
            return ConfirmationAnswer.Confirmed;
        }

        return ConfirmationWords.IsReject(words) ? ConfirmationAnswer.Rejected : ConfirmationAnswer.Unclear;
    }
}
