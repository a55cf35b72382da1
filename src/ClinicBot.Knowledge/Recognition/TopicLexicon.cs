namespace ClinicBot.Knowledge.Recognition;

/// <summary>
/// All trigger phrases of all topics, indexed by first stem. A phrase matches when its stems appear in order
/// with at most <see cref="MaxGap"/> filler words between neighbours ("open right now" matches "open now", but
/// "how fast does ketamine work" does not match "how does ketamine work": "fast" is not a filler word).
/// </summary>
internal sealed class TopicLexicon
{
    private const int MaxGap = 2;
    private const int MaxPhraseLength = 16;
    private readonly Dictionary<string, TriggerPhrase[]> _byFirstStem;
    private readonly HashSet<string> _gapStems;

    public TopicLexicon(IEnumerable<TriggerPhrase> triggers, IEnumerable<string> gapStems)
    {
        _gapStems = gapStems.ToHashSet(StringComparer.Ordinal);
        _byFirstStem = triggers
            .Where(t => t.Stems.Count > 0)
            .GroupBy(t => t.Stems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public List<TriggerMatch> FindMatches(IReadOnlyList<string> stems)
    {
        var matches = new List<TriggerMatch>();
        HashSet<TriggerPhrase>? seen = null; // a trigger counts at its first match only; each trigger is one instance
        Span<int> positions = stackalloc int[MaxPhraseLength];
        for (var start = 0; start < stems.Count; start++)
        {
            if (!_byFirstStem.TryGetValue(stems[start], out var candidates)) continue;
            foreach (var trigger in candidates)
            {
                if (seen is not null && seen.Contains(trigger)) continue;
                var phrase = trigger.Stems;
                var found = phrase.Count <= MaxPhraseLength ? positions[..phrase.Count] : new int[phrase.Count];
                if (TryMatchAt(phrase, stems, start, found))
                {
                    matches.Add(new TriggerMatch(trigger, found.ToArray()));
                    (seen ??= new HashSet<TriggerPhrase>(ReferenceEqualityComparer.Instance)).Add(trigger);
                }
            }
        }
        return matches;
    }

    private bool TryMatchAt(IReadOnlyList<string> phrase, IReadOnlyList<string> stems, int start, Span<int> positions)
    {
        positions[0] = start;
        var at = start;
        for (var k = 1; k < phrase.Count; k++)
        {
            var found = -1;
            for (var j = at + 1; j < stems.Count && j <= at + 1 + MaxGap; j++)
            {
                if (stems[j] == phrase[k])
                {
                    found = j;
                    break;
                }
                if (!_gapStems.Contains(stems[j])) break;
            }
            if (found < 0) return false;
            positions[k] = at = found;
        }
        return true;
    }
}
