using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Understanding;

/// <summary>What a message in the middle of a booking is, before it is read as an answer.</summary>
public enum TurnKind
{
    /// <summary>Cancel, start over or help, about this booking.</summary>
    Command,

    /// <summary>The answer to the question asked, or a correction of an earlier field (the reading carries it).</summary>
    Answer,

    /// <summary>No call wanted ("please don't call me"): the booking ends kindly.</summary>
    Refusal,

    /// <summary>A question about the booking itself: answered from booking content, then the question re-asked.</summary>
    BookingQuestion,

    /// <summary>Anything else: a question for the clinic's page, or an answer the step cannot use (re-asked).</summary>
    Other,
}

/// <summary>One message classified: its kind, and the command or booking question when it is one.</summary>
public sealed record BookingTurn(TurnKind Kind, BookingCommand Command = BookingCommand.None, BookingQuestion? Question = null);

/// <summary>
/// Reads each booking turn for what it is before the pending question sees it. Crisis language never gets
/// here: the bot answers it first, in every state. Then, in order: a command about this booking (a sentence that
/// only mentions cancelling something else — "had to cancel my dentist" — is not one); anything the pending
/// question or an earlier field can use (an answer or a correction wins over the rest, so "can you call me
/// thursday at 3?" is a time); saying no to the call; a question about the booking itself; otherwise other.
/// </summary>
public sealed class BookingTurnReader
{
    private readonly BookingCommandRecognizer _commands = new();
    private readonly CallRefusalRecognizer _refusals = new();
    private readonly BookingQuestionRecognizer _questions = new();

    /// <param name="text">The message text.</param>
    /// <param name="asked">The field being asked, if the pending question asks for one.</param>
    /// <param name="reading">The message read as an answer to the pending question.</param>
    public BookingTurn Read(string? text, BookingField? asked, BookingAnswer reading)
    {
        text ??= string.Empty;
        var command = _commands.Recognize(text);
        if (command != BookingCommand.None)
        {
            return new BookingTurn(TurnKind.Command, command);
        }

        if (reading.IsAboutTheStep || reading.HasFieldValue)
        {
            return new BookingTurn(TurnKind.Answer);
        }

        if (_refusals.RefusesCall(text))
        {
            return new BookingTurn(TurnKind.Refusal);
        }

        return _questions.Recognize(text, asked) is { } question
            ? new BookingTurn(TurnKind.BookingQuestion, Question: question)
            : new BookingTurn(TurnKind.Other);
    }

    /// <summary>
    /// The message that would start a booking says it wants none: "please don't call me", "not looking to book
    /// anything", or "no, just questions" (only questions with a no: "just a question, can I book?" still books).
    /// </summary>
    public bool DeclinesBooking(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && (_refusals.RefusesCall(text) || (_refusals.OnlyQuestions(text) && _commands.HasNegation(text)));
}
