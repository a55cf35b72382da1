namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>
/// One lexicon phrase, as folded words: a word ending in * matches any word it starts ("suicid*"), and "..." matches
/// up to <see cref="MaxGap"/> other words. Matches never run through a blanked word (a figurative use).
/// </summary>
internal sealed class LexiconPhrase<T>
{
    public const string Gap = "...";
    public const int MaxGap = 3;
    public const string Blank = "~";

    private readonly string[] _words;

    public LexiconPhrase(string phrase, T payload)
    {
        _words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_words.Length == 0 || _words[0] == Gap || _words[^1] == Gap) throw new InvalidDataException($"Lexicon phrase '{phrase}' is empty or starts or ends with '...'.");
        Payload = payload;
    }

    public T Payload { get; }

    /// <summary>The first word, when it is a whole word (null for a prefix): the key the phrase set indexes it by.</summary>
    public string? FirstWord => _words[0].EndsWith('*') ? null : _words[0];

    /// <summary>The index after the match's last word when the phrase matches at <paramref name="start"/>; else -1.</summary>
    public int MatchAt(IReadOnlyList<string> words, int start) => MatchFrom(words, start, 0);

    private int MatchFrom(IReadOnlyList<string> words, int position, int part)
    {
        if (part == _words.Length) return position;
        if (_words[part] == Gap)
        {
            for (var skip = 0; skip <= MaxGap && position + skip < words.Count; skip++)
            {
                if (skip > 0 && words[position + skip - 1] == Blank) break;
                var end = MatchFrom(words, position + skip, part + 1);
                if (end >= 0) return end;
            }
            return -1;
        }
        if (position >= words.Count || !WordMatches(_words[part], words[position])) return -1;
        return MatchFrom(words, position + 1, part + 1);
    }

    private static bool WordMatches(string pattern, string word) =>
        pattern.EndsWith('*') ? word.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) : pattern == word;
}
