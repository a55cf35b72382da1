using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Common English/Spanish words that show a message is a sentence or a request, not a name ("what are your
/// hours", "i want to book"); the list is Content/words/names.json. Kept to function words and booking vocabulary so real names are not refused.
/// </summary>
internal static class NonNameWords
{
    private static readonly HashSet<string> Words = BookingWords.Names.Set("nonNameWords", StringComparer.OrdinalIgnoreCase);

    // Initials and abbreviations ("A.", "Jr.") are never sentence words.
    public static bool AnyIn(IEnumerable<string> words) => words.Any(w => !w.EndsWith('.') && Words.Contains(w.Trim('\'', '-')));

    public static bool Contains(string word) => Words.Contains(word.Trim('.', '\'', '-'));
}
