using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Understanding;

/// <summary>
/// A question about the booking itself ("why do you need my email?", "is it optional?", "what happens on the
/// call?", "can I change it later?"): <see cref="Kind"/> is the answer group in booking-prompts.json
/// (bookingQuestions.why, .optional, .whatHappens, .changeLater) and <see cref="Field"/> the field it is about —
/// the one named, else the one being asked.
/// </summary>
public sealed record BookingQuestion(string Kind, BookingField? Field)
{
    /// <summary>The booking-prompts.json key of the answer, e.g. "bookingQuestions.why.Email".</summary>
    public string AnswerKey => $"bookingQuestions.{Kind}.{Field?.ToString() ?? "default"}";

    public string DefaultAnswerKey => $"bookingQuestions.{Kind}.default";
}

/// <summary>
/// Recognises <see cref="BookingQuestion"/>s with the phrases of Content/words/booking-questions.json. Only a
/// message that reads as a question (a "?" or a question word first) counts, so "no need for email" is not one.
/// </summary>
internal sealed class BookingQuestionRecognizer
{
    private static readonly HashSet<string> QuestionCues = BookingWords.BookingQuestions.Set("questionCues");

    // Checked in this order: "what happens on the call" before "what ... for", "do i have to" before "why".
    private static readonly (string Kind, WordPhrases Phrases)[] Kinds =
    [
        ("whatHappens", new WordPhrases(BookingWords.BookingQuestions.List("whatHappens"))),
        ("changeLater", new WordPhrases(BookingWords.BookingQuestions.List("changeLater"))),
        ("optional", new WordPhrases(BookingWords.BookingQuestions.List("optional"))),
        ("why", new WordPhrases(BookingWords.BookingQuestions.List("why"))),
    ];

    private static readonly (BookingField Field, WordPhrases Words)[] FieldWords =
    [
        (BookingField.Email, new WordPhrases(BookingWords.BookingQuestions.List("fieldEmail"))),
        (BookingField.Phone, new WordPhrases(BookingWords.BookingQuestions.List("fieldPhone"))),
        (BookingField.Name, new WordPhrases(BookingWords.BookingQuestions.List("fieldName"))),
        (BookingField.CallbackTime, new WordPhrases(BookingWords.BookingQuestions.List("fieldCallbackTime"))),
    ];

    /// <param name="asked">The field being asked, which "is it optional?" is about.</param>
    public BookingQuestion? Recognize(string text, BookingField? asked)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return null;
        }

        var words = CommandText.Words(text);
        if (words.Count == 0 || !(text.Contains('?') || QuestionCues.Contains(words[0])))
        {
            return null;
        }

        foreach (var (kind, phrases) in Kinds)
        {
            if (phrases.AnyIn(words))
            {
                var named = FieldWords.Where(f => f.Words.AnyIn(words)).Select(f => (BookingField?)f.Field).FirstOrDefault();
                return new BookingQuestion(kind, kind is "whatHappens" or "changeLater" ? null : named ?? asked);
            }
        }

        return null;
    }
}
