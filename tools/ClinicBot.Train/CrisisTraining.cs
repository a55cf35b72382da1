using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
using ClinicBot.Language.Loading;

namespace ClinicBot.Train;

/// <summary>
/// `crisis`: chooses the learned signals' and the crisis lexicon's thresholds on the tuning split (the learned risk
/// read out of fold by 5-fold cross-validation; the lexicon is reviewed data, not learned), reports every
/// signal and their combination on the report split (Corpus/held-out: another author's lines, never looked at or
/// trained on) and on a scored set, and writes the model trained on the tuning split to Content/model/crisis-model.json.
/// </summary>
internal static class CrisisTraining
{
    private const int Folds = 5;
    private static readonly CrisisThresholds Preliminary = new(Definite: 0.9f, Possible: 0.5f, NearMiss: 0.15f, MaxMeaningSentences: 3);

    public static async Task<int> RunAsync(RepositoryPaths paths, ClinicKnowledge knowledge, SentenceEmbedder embedder,
        IReadOnlyList<(string Text, string Topic)> scored, bool write, bool showMisses = false)
    {
        var patterns = CrisisDetector.Load(new DirectoryContentSource(paths.Content));
        var lexicon = CrisisLexicon.Load(new DirectoryContentSource(paths.Content))
            ?? throw new InvalidDataException("Content/crisis-lexicon.json could not be read.");
        var corpus = CrisisCorpus.Read(paths.Corpus);
        var embeddings = await embedder.EncodeAllAsync(corpus.Select(e => e.Text).ToList());
        var prepared = corpus.Select((e, i) => new PreparedCrisisExample(e, embeddings[i])).ToList();
        var tuning = prepared.Where(p => CrisisCorpus.IsTuning(p.Example)).ToList();
        var report = prepared.Where(p => !CrisisCorpus.IsTuning(p.Example)).Select(p => p.Example).ToList();
        Console.WriteLine($"tuning split: {tuning.Count(p => p.Example.IsCrisis)} crisis, {tuning.Count(p => !p.Example.IsCrisis)} not");
        Console.WriteLine($"report split: {report.Count(e => e.IsCrisis)} crisis, {report.Count(e => !e.IsCrisis)} not (never tuned on)");

        var negation = paths.ReadNegation();
        var tuningHits = tuning.Select(p => patterns.IsCrisis(p.Example.Text)).ToList();
        var outOfFold = CrisisModelTrainer.CrossValidate(tuning, Folds, Preliminary, negation, embedder, readMeaningOf: tuningHits.Select(hit => hit && patterns.MatchesMayBeOverruled).ToList());
        Console.WriteLine("tuning split, out of fold: learned risk threshold -> crisis caught (with patterns) / ordinary and hard negatives flagged");
        foreach (var t in new[] { 0.02f, 0.04f, 0.06f, 0.1f, 0.15f, 0.2f, 0.3f, 0.5f })
        {
            var caught = tuning.Where((p, i) => p.Example.IsCrisis && (tuningHits[i] || outOfFold[i].Risk >= t)).Count();
            var flagged = tuning.Where((p, i) => !p.Example.IsCrisis && (tuningHits[i] || outOfFold[i].Risk >= t)).Count();
            Console.WriteLine($"  {t:0.00}: {caught}/{tuning.Count(p => p.Example.IsCrisis)}  {flagged}/{tuning.Count(p => !p.Example.IsCrisis)}");
        }
        var learnedOnly = CrisisModelTrainer.ChooseThresholds(tuning.Select(p => p.Example).ToList(), outOfFold, tuningHits);
        var tuningLexicon = tuning.Select(p => lexicon.Read(p.Example.Text).Score).ToList();
        // Which pattern matches the other signals overrule depends on the possible thresholds the search chooses: a
        // first search without overruling gives them, the second counts the overruled matches as check-ins.
        var (thresholds, lexiconThresholds) = CrisisThresholdSearch.Choose(
            tuning.Select((p, i) => new SignalReadings(p.Example.IsCrisis, tuningHits[i], outOfFold[i].Risk, tuningLexicon[i])).ToList(), learnedOnly);
        var overruled = Overruled(patterns, tuningHits, outOfFold, tuningLexicon, thresholds, lexiconThresholds);
        (thresholds, lexiconThresholds) = CrisisThresholdSearch.Choose(
            tuning.Select((p, i) => new SignalReadings(p.Example.IsCrisis, tuningHits[i], outOfFold[i].Risk, tuningLexicon[i], overruled[i], outOfFold[i].Whole)).ToList(), learnedOnly);
        if (!overruled.SequenceEqual(Overruled(patterns, tuningHits, outOfFold, tuningLexicon, thresholds, lexiconThresholds)))
        {
            Console.WriteLine("note: the second search moved a possible threshold; the overruled matches below are the final thresholds' own");
            overruled = Overruled(patterns, tuningHits, outOfFold, tuningLexicon, thresholds, lexiconThresholds);
        }
        Console.WriteLine($"pattern matches on the tuning split: crisis {tuning.Where((p, i) => p.Example.IsCrisis && tuningHits[i]).Count()}, not {tuning.Where((p, i) => !p.Example.IsCrisis && tuningHits[i]).Count()}; "
            + $"overruled to a check-in by the other signals: crisis {tuning.Where((p, i) => p.Example.IsCrisis && overruled[i]).Count()}, not {tuning.Where((p, i) => !p.Example.IsCrisis && overruled[i]).Count()}");
        Console.WriteLine($"learned alone would take: definite >= {learnedOnly.Definite:0.00}, possible >= {learnedOnly.Possible:0.00}");
        Console.WriteLine($"thresholds from {Folds}-fold CV on the tuning split: definite >= {thresholds.Definite:0.00}, possible >= {thresholds.Possible:0.00}, meaning read from n-gram risk >= {thresholds.NearMiss:0.00} (at most {thresholds.MaxMeaningSentences} sentences)");
        Console.WriteLine($"whole message read as one text: a possible crisis is definite at meaning risk >= {thresholds.WholeDefinite:0.00} with n-gram risk >= {thresholds.WholeDefiniteWords:0.00}");
        Console.WriteLine($"lexicon: definite >= {lexiconThresholds.Definite:0.00}, possible >= {lexiconThresholds.Possible:0.00}; agreement: lexicon >= {lexiconThresholds.AgreementLexicon:0.00} with learned risk >= {lexiconThresholds.AgreementLearned:0.00}");

        PrintTuningTiers(tuning, tuningHits, overruled, outOfFold, tuningLexicon, thresholds, lexiconThresholds, lexicon, showMisses);

        var tunedModel = CrisisModelTrainer.Train(tuning, thresholds, negation) with { Lexicon = lexiconThresholds };
        var tuned = new CrisisAssessor(patterns, new LearnedCrisisSignals(tunedModel, embedder), lexicon);
        var scoredExamples = scored.Select(s => new CrisisExample(s.Text, s.Topic == TopicNames.Crisis, s.Topic == TopicNames.Crisis ? "crisis" : "ordinary", CrisisSpeaker.Self, false, "scored")).ToList();
        var scoredReadings = scoredExamples.Select(e => (Example: e, Assessment: tuned.Assess(e.Text))).ToList();
        PrintCheckInTradeOff("tuning split (learned out of fold)", tuning.Select((p, i) => new SignalReadings(p.Example.IsCrisis, tuningHits[i], outOfFold[i].Risk, tuningLexicon[i], overruled[i], outOfFold[i].Whole)).ToList(),
            tuning.Select(p => p.Example.Kind == "ordinary").ToList(), thresholds, lexiconThresholds);
        foreach (var author in report.GroupBy(CrisisCorpus.ReportAuthor).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            PrintReport($"report split, {author.Key}", author.ToList(), tuned, thresholds, lexiconThresholds, scoredReadings);
        }

        if (!write) return 0;
        // The shipped model is the one reported above: trained on the tuning split only (Corpus/held-out is never trained on).
        TrainCommand.WriteJson(Path.Combine(paths.Content, "model", "crisis-model.json"),
            CrisisModelTrainer.Train(tuning, thresholds, negation, $"{tuning.Count} lines: Corpus/crisis and the topic lines as ordinary messages (not Corpus/held-out)") with { Lexicon = lexiconThresholds });
        return 0;
    }

    /// <summary>One held-out author's aggregate scores: per signal and combined, the check-in trade-off, and by kind (never a line).</summary>
    private static void PrintReport(string name, IReadOnlyList<CrisisExample> report, CrisisAssessor tuned,
        CrisisThresholds thresholds, LexiconThresholds lexiconThresholds, IReadOnlyList<(CrisisExample Example, CrisisAssessment Assessment)> scoredReadings)
    {
        var withScored = scoredReadings.Count > 0;
        Console.WriteLine();
        Console.WriteLine($"{name}: {report.Count(e => e.IsCrisis)} crisis, {report.Count(e => !e.IsCrisis && e.Kind != "ordinary")} hard negatives, {report.Count(e => e.Kind == "ordinary")} ordinary (never tuned on)");
        Console.WriteLine("| signal | report: crisis caught | report: hard negatives flagged | report: ordinary messages flagged |" + (withScored ? " scored set: crisis caught | scored set: others flagged |" : ""));
        Console.WriteLine("|---|---|---|---|" + (withScored ? "---|---|" : ""));
        var reportReadings = report.Select(e => (Example: e, Assessment: tuned.Assess(e.Text))).ToList();
        foreach (var (signal, fired) in new (string, Func<CrisisAssessment, bool>)[]
                 {
                     ("reviewed patterns", a => a.Signals.Contains(CrisisAssessor.PatternSignal)),
                     ("learned n-grams (every sentence)", a => a.Signals.Contains(CrisisAssessor.NgramSignal)),
                     ("learned meaning (riskiest sentences)", a => a.Signals.Contains(CrisisAssessor.MeaningSignal)),
                     ("crisis lexicon (every sentence)", a => a.Signals.Contains(CrisisAssessor.LexiconSignal)),
                     ("combined: definite tier", a => a.IsDefinite),
                     ("combined: definite or possible", a => a.Tier != CrisisTier.None),
                 })
        {
            Console.WriteLine($"| {signal} | {Count(reportReadings, r => r.Example.IsCrisis, fired)} | {Count(reportReadings, r => !r.Example.IsCrisis && r.Example.Kind != "ordinary", fired)} | {Count(reportReadings, r => r.Example.Kind == "ordinary", fired)} |"
                + (withScored ? $" {Count(scoredReadings, r => r.Example.IsCrisis, fired)} | {Count(scoredReadings, r => !r.Example.IsCrisis, fired)} |" : ""));
        }

        PrintCheckInTradeOff(name, report.Select(e => Readings(e, tuned)).ToList(),
            report.Select(e => e.Kind == "ordinary").ToList(), thresholds, lexiconThresholds);

        Console.WriteLine($"{name}, crisis lines by kind: caught (definite + possible) / lines, definite");
        foreach (var kind in reportReadings.Where(r => r.Example.IsCrisis).GroupBy(r => r.Example.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key,-16} {kind.Count(r => r.Assessment.Tier != CrisisTier.None),3}/{kind.Count(),-3} definite {kind.Count(r => r.Assessment.IsDefinite)}");
        }
        Console.WriteLine($"{name}, hard negatives by kind: crisis reply / check-in / lines");
        foreach (var kind in reportReadings.Where(r => !r.Example.IsCrisis && r.Example.Kind != "ordinary").GroupBy(r => r.Example.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key,-22} {kind.Count(r => r.Assessment.IsDefinite),3} {kind.Count(r => r.Assessment.Tier == CrisisTier.Possible),3} {kind.Count(),4}");
        }
        var caught = reportReadings.Where(r => r.Example.IsCrisis && r.Assessment.Tier != CrisisTier.None).ToList();
        Console.WriteLine($"  speaker read right on {caught.Count(r => (r.Assessment.Speaker == CrisisSpeaker.Other) == (r.Example.Speaker == CrisisSpeaker.Other))}/{caught.Count} caught lines; Spanish read right on {caught.Count(r => r.Assessment.Spanish == r.Example.Spanish)}/{caught.Count}");

        var labelledDefinite = reportReadings.Where(r => r.Example.IsCrisis && r.Example.Tier == "definite").ToList();
        var labelledPossible = reportReadings.Where(r => r.Example.IsCrisis && r.Example.Tier == "possible").ToList();
        Console.WriteLine($"  lines their author marked definite: {labelledDefinite.Count(r => r.Assessment.IsDefinite)}/{labelledDefinite.Count} definite, {labelledDefinite.Count(r => r.Assessment.Tier != CrisisTier.None)} any tier; "
            + $"marked possible: {labelledPossible.Count(r => r.Assessment.IsDefinite)}/{labelledPossible.Count} definite, {labelledPossible.Count(r => r.Assessment.Tier != CrisisTier.None)} any tier");
    }

    /// <summary>
    /// The combined tiers on the TUNING split (learned risk out of fold), by kind; with --misses also its crisis lines
    /// below definite and its negatives at definite, line by line, for reviewing the lexicon. Never the report split.
    /// </summary>
    private static void PrintTuningTiers(IReadOnlyList<PreparedCrisisExample> tuning, IReadOnlyList<bool> patternHits, IReadOnlyList<bool> overruled, IReadOnlyList<LearnedCrisisReading> outOfFold,
        IReadOnlyList<float> lexiconScores, CrisisThresholds learned, LexiconThresholds lexiconThresholds, CrisisLexicon lexicon, bool showMisses)
    {
        var tiers = tuning.Select((p, i) => CrisisAssessor.TierOf(patternHits[i], false, outOfFold[i].Risk, lexiconScores[i], learned, lexiconThresholds, overruled[i], outOfFold[i].Whole)).ToList();
        Console.WriteLine("tuning split (learned out of fold), combined: kind definite / any tier / lines");
        foreach (var group in Enumerable.Range(0, tuning.Count).GroupBy(i => (tuning[i].Example.IsCrisis, tuning[i].Example.Kind)).OrderBy(g => g.Key.IsCrisis).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {(group.Key.IsCrisis ? "crisis" : "not"),-7}{group.Key.Kind,-22} {group.Count(i => tiers[i] == CrisisTier.Definite),4} {group.Count(i => tiers[i] != CrisisTier.None),4} {group.Count(),5}");
        }
        if (!showMisses) return;
        for (var i = 0; i < tuning.Count; i++)
        {
            var example = tuning[i].Example;
            if (example.IsCrisis == (tiers[i] == CrisisTier.Definite)) continue;
            var reading = lexicon.Read(example.Text);
            Console.WriteLine($"{(example.IsCrisis ? "MISS" : "FALSE")} {tiers[i],-8} learned {outOfFold[i].Risk:0.00} lexicon {reading.Score:0.00} [{string.Join(',', reading.Concepts)}] {example.Kind}: {example.Text}");
        }
    }

    /// <summary>Check-ins on ordinary messages against crisis lines caught at any tier, for other learned possible thresholds (aggregates only).</summary>
    private static void PrintCheckInTradeOff(string name, IReadOnlyList<SignalReadings> lines, IReadOnlyList<bool> ordinary, CrisisThresholds learned, LexiconThresholds lexicon)
    {
        Console.WriteLine($"{name}: learned possible threshold -> crisis caught at any tier / ordinary messages with a check-in or crisis reply");
        foreach (var possible in new[] { 0.05f, 0.08f, learned.Possible, 0.12f, 0.15f, 0.2f, 0.3f }.Distinct().Order())
        {
            var withPossible = learned with { Possible = possible };
            var tiers = lines.Select(l => CrisisAssessor.TierOf(l.Pattern, false, l.LearnedRisk, l.LexiconScore, withPossible, lexicon, l.PatternOverruled, l.Whole)).ToList();
            var caught = lines.Where((l, i) => l.IsCrisis && tiers[i] != CrisisTier.None).Count();
            var flagged = lines.Where((l, i) => ordinary[i] && tiers[i] != CrisisTier.None).Count();
            Console.WriteLine($"  {possible:0.00}{(possible == learned.Possible ? " (chosen)" : ""),-9}: {caught}/{lines.Count(l => l.IsCrisis)}  {flagged}/{ordinary.Count(o => o)}");
        }
    }

    private static List<bool> Overruled(CrisisDetector patterns, IReadOnlyList<bool> patternHits, IReadOnlyList<LearnedCrisisReading> readings, IReadOnlyList<float> lexiconScores,
        CrisisThresholds learned, LexiconThresholds lexicon) =>
        patternHits.Select((hit, i) => hit && patterns.MatchesMayBeOverruled && CrisisAssessor.PatternOverruled(readings[i], lexiconScores[i], learned, lexicon)).ToList();

    private static SignalReadings Readings(CrisisExample example, CrisisAssessor assessor)
    {
        var read = assessor.ReadSignals(example.Text);
        return new SignalReadings(example.IsCrisis, read.Severity is not null, read.Learned?.Risk ?? 0f, read.Lexical.Score, read.PatternOverruled, read.Whole);
    }

    private static string Count<T>(IReadOnlyList<(CrisisExample Example, T Assessment)> readings, Func<(CrisisExample Example, T Assessment), bool> inSet, Func<T, bool> fired)
    {
        var set = readings.Where(inSet).ToList();
        return $"{set.Count(r => fired(r.Assessment))}/{set.Count}";
    }
}
