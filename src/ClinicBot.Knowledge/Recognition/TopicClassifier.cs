using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Recognition;

/// <summary>
/// Scores topics by their matched triggers and picks the primary and secondary topics.
/// A longer phrase owns its words ("fax number" is fax, not phone). The primary is the topic with the most
/// specific trigger (highest weight), the first-mentioned on a tie; another topic is secondary when one of its
/// specific phrases (weight ≥ 3) matched. A topic needs a total weight of 2 to count at all.
/// In a rambling message, a focus phrase ("my question is", "anyway") marks where the real question starts:
/// the primary is then taken from what follows it; otherwise, from the clauses that ask something.
/// </summary>
internal sealed class TopicClassifier(TopicLexicon lexicon, IReadOnlyList<IReadOnlyList<string>> focusPhrases)
{
    private const int MinimumScore = 2;
    private const int MaxTopics = 3;

    public (List<string> Topics, int Evidence) Classify(AnalyzedText text)
    {
        var accepted = AcceptNonOverlapping(lexicon.FindMatches(text.Stems), text.Stems.Count);
        var scores = Score(accepted);
        if (scores.Count == 0) return ([TopicNames.OutOfScope], 0);

        // Where to look for the primary: after a focus phrase, else in the clauses that ask something.
        var focus = FocusEnd(text.Stems);
        var afterFocus = focus < 0 ? [] : Score(accepted.Where(m => m.Start > focus).ToList());
        var asked = Score(accepted.Where(m => text.InQuestion[m.Start]).ToList());
        var pool = afterFocus.Any(IsSpecific) ? afterFocus : asked.Any(IsSpecific) ? asked : scores;
        var best = pool.OrderByDescending(s => s.Strongest).ThenBy(s => s.FirstPosition).ThenByDescending(s => s.Score).First();
        var primary = scores.Single(s => s.Topic == best.Topic);
        var topics = new List<string> { primary.Topic };
        topics.AddRange(primary.AlsoTopics);
        foreach (var other in scores.Where(s => s != primary && s.Strongest >= Understanding.ConfidentEvidence).OrderBy(s => s.FirstPosition))
        {
            topics.Add(other.Topic);
            topics.AddRange(other.AlsoTopics);
        }
        return (topics.Distinct(StringComparer.Ordinal).Take(MaxTopics).ToList(), primary.Strongest);
    }

    public List<string> Explain(AnalyzedText text) =>
        AcceptNonOverlapping(lexicon.FindMatches(text.Stems), text.Stems.Count)
            .Select(m => $"{m.Trigger.Topic}:{m.Trigger.Text}({m.Trigger.Weight})@{m.Start}")
            .Append("stems: " + string.Join(' ', text.Stems))
            .ToList();

    private static bool IsSpecific(TopicScore score) => score.Strongest >= Understanding.ConfidentEvidence;

    private static List<TopicScore> Score(List<TriggerMatch> matches) => matches
        .GroupBy(m => m.Trigger.Topic, StringComparer.Ordinal)
        .Select(g => new TopicScore(
            g.Key,
            g.Sum(m => m.Trigger.Weight),
            g.Where(m => m.Trigger.Weight == g.Max(x => x.Trigger.Weight)).Min(m => m.Start),
            g.Max(m => m.Trigger.Weight),
            g.Select(m => m.Trigger.Also).OfType<string>().ToList()))
        .Where(s => s.Score >= MinimumScore)
        .ToList();

    /// <summary>Index of the last word of the last focus phrase in the message, or -1.</summary>
    private int FocusEnd(IReadOnlyList<string> stems)
    {
        var end = -1;
        foreach (var phrase in focusPhrases)
        {
            for (var i = 0; i + phrase.Count <= stems.Count; i++)
            {
                var matches = true;
                for (var k = 0; k < phrase.Count && matches; k++) matches = stems[i + k] == phrase[k];
                if (matches) end = Math.Max(end, i + phrase.Count - 1);
            }
        }
        return end;
    }

    private static List<TriggerMatch> AcceptNonOverlapping(List<TriggerMatch> matches, int length)
    {
        var claimed = new bool[length];
        var accepted = new List<TriggerMatch>();
        foreach (var match in matches
                     .OrderByDescending(m => m.Positions.Count)
                     .ThenByDescending(m => m.Trigger.Weight)
                     .ThenBy(m => m.Start))
        {
            if (match.Positions.Any(p => claimed[p])) continue;
            foreach (var p in match.Positions) claimed[p] = true;
            accepted.Add(match);
        }
        return accepted;
    }

    /// <param name="FirstPosition">Where the topic's strongest trigger first matched: "first mentioned" means that.</param>
    private sealed record TopicScore(string Topic, int Score, int FirstPosition, int Strongest, List<string> AlsoTopics);
}
