namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>Where a phrase matched in a sentence's words: [Start, End).</summary>
internal readonly record struct PhraseMatch<T>(int Start, int End, T Payload);

/// <summary>
/// A set of lexicon phrases, indexed by their first word so a sentence costs one dictionary look-up per word
/// (plus the few phrases that start with a prefix).
/// </summary>
internal sealed class PhraseSet<T>
{
    private readonly Dictionary<string, List<LexiconPhrase<T>>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<LexiconPhrase<T>> _startingWithPrefix = [];

    public PhraseSet(IEnumerable<(string Phrase, T Payload)> phrases)
    {
        foreach (var (text, payload) in phrases)
        {
            var phrase = new LexiconPhrase<T>(text, payload);
            if (phrase.FirstWord is { } first)
            {
                if (!_byFirstWord.TryGetValue(first, out var list)) _byFirstWord[first] = list = [];
                list.Add(phrase);
            }
            else
            {
                _startingWithPrefix.Add(phrase);
            }
        }
    }

    public static PhraseSet<bool> Of(IEnumerable<string> phrases) => new(phrases.Select(p => (p, true)));

    /// <summary>Every match, at every start (overlapping matches included).</summary>
    public List<PhraseMatch<T>> Matches(IReadOnlyList<string> words)
    {
        var matches = new List<PhraseMatch<T>>();
        for (var start = 0; start < words.Count; start++)
        {
            if (_byFirstWord.TryGetValue(words[start], out var phrases)) AddMatches(phrases, words, start, matches);
            AddMatches(_startingWithPrefix, words, start, matches);
        }
        return matches;
    }

    public bool Any(IReadOnlyList<string> words)
    {
        for (var start = 0; start < words.Count; start++)
        {
            if (_byFirstWord.TryGetValue(words[start], out var phrases) && phrases.Any(p => p.MatchAt(words, start) >= 0)) return true;
            if (_startingWithPrefix.Any(p => p.MatchAt(words, start) >= 0)) return true;
        }
        return false;
    }

    private static void AddMatches(List<LexiconPhrase<T>> phrases, IReadOnlyList<string> words, int start, List<PhraseMatch<T>> matches)
    {
        foreach (var phrase in phrases)
        {
            var end = phrase.MatchAt(words, start);
            if (end >= 0) matches.Add(new PhraseMatch<T>(start, end, phrase.Payload));
        }
    }
}
