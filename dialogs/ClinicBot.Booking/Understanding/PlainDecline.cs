using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Understanding;

/// <summary>
/// A bare "no" to an optional question, with the words people wrap it in ("ok then no", "well no thanks"):
/// nothing but a decline and filler words (Content/words/booking-questions.json).
/// </summary>
internal static class PlainDecline
{
    private static readonly HashSet<string> Declines = BookingWords.BookingQuestions.Set("declineWords");
    private static readonly HashSet<string> Fillers = BookingWords.BookingQuestions.Set("declineFillers");

    public static bool Is(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80 || text.Contains('@') || text.Contains('?'))
        {
            return false;
        }

        var content = CommandText.Words(text).Where(w => w != CommandText.ClauseBreak && !Fillers.Contains(w)).ToList();
        return content.Count > 0 && Declines.Contains(string.Join(' ', content));
    }
}
