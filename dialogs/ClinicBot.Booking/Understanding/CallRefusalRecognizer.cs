using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Understanding;

/// <summary>
/// Saying no to a call: "please don't call me", "not looking to book anything" (<see cref="RefusesCall"/>) or
/// "just questions" (<see cref="OnlyQuestions"/>, which only keeps a booking from starting). Phrases from
/// Content/words/call-refusal.json; a negated one ("I'm not saying don't call me") does not count.
/// </summary>
internal sealed class CallRefusalRecognizer
{
    private static readonly WordPhrases Refusals = new(BookingWords.CallRefusal.List("refuseCall"));
    private static readonly WordPhrases Questions = new(BookingWords.CallRefusal.List("onlyQuestions"));

    public bool RefusesCall(string text) => Find(Refusals, text);

    public bool OnlyQuestions(string text) => Find(Questions, text);

    private static bool Find(WordPhrases phrases, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return false;
        }

        return phrases.AnyIn(CommandText.Words(text));
    }
}
