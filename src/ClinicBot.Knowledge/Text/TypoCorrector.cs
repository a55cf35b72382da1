using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Maps a misspelt word to the closest word the content knows ("adress" → "address", "parkin" → "parking")
/// by optimal-string-alignment distance (edits and adjacent swaps). Conservative on
/// purpose: same first letter, 1 edit (2 for words of 8+ letters), and common English words are never changed.
/// </summary>
internal sealed class TypoCorrector
{
    private const int MinimumLength = 4;

    private readonly HashSet<string> _known;
    private readonly HashSet<string> _protectedWords;
    private readonly Dictionary<char, string[]> _candidatesByFirstLetter;

    public TypoCorrector(IEnumerable<string> vocabulary, IEnumerable<string> protectedWords)
    {
        _known = vocabulary.Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        _protectedWords = protectedWords.ToHashSet(StringComparer.Ordinal);
        _candidatesByFirstLetter = _known
            .Where(w => w.Length >= MinimumLength && char.IsLetter(w[0]))
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
    }

    public bool IsKnown(string word) => _known.Contains(word);

    public string Correct(string word)
    {
        if (word.Length < MinimumLength || _known.Contains(word) || _protectedWords.Contains(word)) return word;
        if (!_candidatesByFirstLetter.TryGetValue(word[0], out var candidates)) return word;

        var allowed = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed) continue;
            var distance = EditDistance.BetweenAtMost(word, candidate, allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best ?? word;
    }
}
