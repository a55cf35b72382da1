using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Understanding;

/// <summary>Phrases of a word list (lower-case, accent-free words) found as word runs in a message's words.</summary>
internal sealed class WordPhrases
{
    private readonly string[][] _phrases;

    public WordPhrases(IEnumerable<string> phrases)
    {
        _phrases = phrases.Select(p => CommandText.Words(p).ToArray()).Where(p => p.Length > 0).ToArray();
    }

    /// <summary>Where the first phrase found starts and ends (end exclusive), or null.</summary>
    public (int Start, int End)? Find(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var phrase in _phrases)
            {
                if (i + phrase.Length <= words.Count && phrase.Select((w, j) => words[i + j] == w).All(x => x))
                {
                    return (i, i + phrase.Length);
                }
            }
        }

        return null;
    }

    public bool AnyIn(IReadOnlyList<string> words) => Find(words) is not null;
}
