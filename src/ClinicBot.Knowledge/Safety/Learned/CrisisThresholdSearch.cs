namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>One tuning line as the signals read it (the learned risk out of fold), for choosing thresholds.</summary>
/// <param name="PatternOverruled">A pattern matched and <see cref="CrisisAssessor.PatternOverruled"/> with the learned and
/// lexicon possible thresholds (which the search does not change).</param>
/// <param name="Whole">The learned models' reading of the whole line as one text (out of fold), or null.</param>
public readonly record struct SignalReadings(bool IsCrisis, bool Pattern, float LearnedRisk, float LexiconScore, bool PatternOverruled = false,
    WholeMessageReading? Whole = null);

/// <summary>
/// Chooses the learned and lexicon thresholds together on the tuning split, with <see cref="CrisisAssessor.TierOf"/>
/// (the rule the app uses). Definite: the thresholds (learned definite, lexicon definite, agreement) that catch the
/// most crisis lines at the definite tier while adding at most <c>falseDefiniteRate</c> of the negatives to those the
/// reviewed patterns already send the crisis reply (those the other signals do not overrule). Possible: the learned threshold stays the one chosen for it alone
/// (its recall is read out of fold; the lexicon's is not, since it was written while reading the tuning lines, so the
/// search must not trade learned recall for it); the lexicon's is the lowest that adds at most
/// <c>extraCheckInRate</c> of the negatives to the check-ins. Ties go to the higher thresholds. Deterministic.
/// </summary>
public static class CrisisThresholdSearch
{
    // Floors from the lexicon's design, not from data: its strong phrases (weight >= 0.8) are meant to be a definite
    // crisis alone, a medium one (about 0.45-0.65) needs another concept or the learned risk to agree, and the weak
    // cues (<= 0.35) only count together. The tuning lines cannot check this honestly, because the lexicon was written
    // while reading them: unbounded, the search chose lexicon definite 0.55 and agreement at 0.30, and on the report
    // split 12/1,035 ordinary messages got the crisis reply.
    private const float StrongConcept = 0.80f;
    private const float MediumConcept = 0.45f;

    // The strong-learned agreement needs at least one weak lexicon concept (the weakest cues weigh 0.2-0.35) and a
    // learned risk that is high on its own (the learned signal's out-of-fold risk on ordinary messages rarely reaches it).
    private const float StrongLearnedFloorLexicon = 0.20f;
    private const float StrongLearnedFloorLearned = 0.85f;

    public static (CrisisThresholds Learned, LexiconThresholds Lexicon) Choose(IReadOnlyList<SignalReadings> lines, CrisisThresholds start,
        double falseDefiniteRate = 0.005, double extraCheckInRate = 0.005)
    {
        var positives = lines.Where(l => l.IsCrisis).ToArray();
        var negatives = lines.Where(l => !l.IsCrisis).ToArray();
        var budget = negatives.Count(l => l.Pattern && !l.PatternOverruled) + (int)Math.Floor(falseDefiniteRate * negatives.Length);

        var best = (Caught: -1, False: int.MaxValue, Learned: 0.99f, Lexicon: 1f, AgreeLexicon: 2f, AgreeLearned: 2f);
        foreach (var learnedDefinite in Grid(0.80f, 0.99f, 0.01f))
        foreach (var lexiconDefinite in Grid(StrongConcept, 1.00f, 0.05f))
        foreach (var agreeLexicon in Grid(MediumConcept, 0.95f, 0.05f).Where(a => a <= lexiconDefinite))
        foreach (var agreeLearned in Grid(0.05f, 0.95f, 0.05f).Where(a => a <= learnedDefinite))
        {
            var learned = start with { Definite = learnedDefinite, Possible = 2f };
            var lexicon = new LexiconThresholds(lexiconDefinite, 2f, agreeLexicon, agreeLearned);
            var falseDefinite = negatives.Count(l => IsDefinite(l, learned, lexicon));
            if (falseDefinite > budget) continue;
            var caught = positives.Count(l => IsDefinite(l, learned, lexicon));
            // Ties: fewer false alarms, then the later (higher) thresholds in the grid order.
            if (caught > best.Caught || (caught == best.Caught && falseDefinite <= best.False))
            {
                best = (caught, falseDefinite, learnedDefinite, lexiconDefinite, agreeLexicon, agreeLearned);
            }
        }

        // Second stage: the strong-learned agreement (a weak lexicon concept with a learned risk just short of
        // definite), chosen the same way with the first stage's thresholds fixed. Only if it catches more.
        // Ties go to the higher thresholds, as above; it is used only if it catches more than the first stage alone.
        var strong = (Lexicon: 2f, Learned: 2f);
        var firstStage = best.Caught;
        foreach (var strongLexicon in Grid(StrongLearnedFloorLexicon, 0.45f, 0.05f))
        foreach (var strongLearned in Grid(StrongLearnedFloorLearned, best.Learned, 0.01f))
        {
            var lexicon = new LexiconThresholds(best.Lexicon, 2f, best.AgreeLexicon, best.AgreeLearned, strongLexicon, strongLearned);
            var learned = start with { Definite = best.Learned, Possible = 2f };
            var falseDefinite = negatives.Count(l => IsDefinite(l, learned, lexicon));
            if (falseDefinite > budget) continue;
            var caught = positives.Count(l => IsDefinite(l, learned, lexicon));
            if (caught > firstStage && (caught > best.Caught || (caught == best.Caught && falseDefinite <= best.False)))
            {
                best = best with { Caught = caught, False = falseDefinite };
                strong = (strongLexicon, strongLearned);
            }
        }

        var definite = start with { Definite = best.Learned };
        var withoutLexicon = new LexiconThresholds(best.Lexicon, 2f, best.AgreeLexicon, best.AgreeLearned, strong.Lexicon, strong.Learned);
        var checkIns = negatives.Count(l => TierOf(l, definite, withoutLexicon) != CrisisTier.None);
        var checkInBudget = checkIns + (int)Math.Floor(extraCheckInRate * negatives.Length);
        var lexiconPossible = Grid(0.30f, 0.95f, 0.05f).Where(t => t <= best.Lexicon)
            .FirstOrDefault(t => negatives.Count(l => TierOf(l, definite, withoutLexicon with { Possible = t }) != CrisisTier.None) <= checkInBudget, best.Lexicon);
        var chosen = (Learned: start.Possible, Lexicon: lexiconPossible);
        var lexiconChosen = new LexiconThresholds(best.Lexicon, chosen.Lexicon, best.AgreeLexicon, best.AgreeLearned, strong.Lexicon, strong.Learned);

        return (ChooseWholeMessage(positives, negatives, definite, lexiconChosen, budget), lexiconChosen);
    }

    /// <summary>
    /// Third stage, with every other threshold fixed (the possible ones included, since the raise acts on the tier the
    /// others give): the whole-message meaning risk, and the whole-message n-gram risk with it, that make a possible
    /// crisis definite. Same objective and budget as the first stage. Ties go to the higher thresholds: the higher word
    /// threshold embeds fewer messages.
    /// </summary>
    private static CrisisThresholds ChooseWholeMessage(SignalReadings[] positives, SignalReadings[] negatives, CrisisThresholds learned, LexiconThresholds lexicon, int budget)
    {
        var best = (Caught: positives.Count(l => IsDefinite(l, learned, lexicon)), False: negatives.Count(l => IsDefinite(l, learned, lexicon)), Chosen: learned);
        foreach (var meaning in Grid(0.80f, 0.99f, 0.01f).Reverse())
        foreach (var words in Grid(0f, 0.5f, 0.1f).Reverse())
        {
            var candidate = learned with { WholeDefinite = meaning, WholeDefiniteWords = words };
            var falseDefinite = negatives.Count(l => IsDefinite(l, candidate, lexicon));
            if (falseDefinite > budget) continue;
            var caught = positives.Count(l => IsDefinite(l, candidate, lexicon));
            if (caught > best.Caught || (caught == best.Caught && falseDefinite < best.False)) best = (caught, falseDefinite, candidate);
        }
        return best.Chosen;
    }

    private static bool IsDefinite(SignalReadings line, CrisisThresholds learned, LexiconThresholds lexicon) => TierOf(line, learned, lexicon) == CrisisTier.Definite;

    private static CrisisTier TierOf(SignalReadings line, CrisisThresholds learned, LexiconThresholds lexicon) =>
        CrisisAssessor.TierOf(line.Pattern, false, line.LearnedRisk, line.LexiconScore, learned, lexicon, line.PatternOverruled, line.Whole);

    private static IEnumerable<float> Grid(float from, float to, float step)
    {
        var count = (int)Math.Round((to - from) / step);
        for (var i = 0; i <= count; i++) yield return (float)Math.Round(from + i * step, 2);
    }
}
