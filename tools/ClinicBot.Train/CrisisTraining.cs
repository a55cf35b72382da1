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
        var outOfFold = CrisisModelTrainer.CrossValidate(tuning, Folds, Preliminary, negation, embedder);
        var tuningHits = tuning.Select(p => patterns.IsCrisis(p.Example.Text)).ToList();
        Console.WriteLine("tuning split, out of fold: learned risk threshold -> crisis caught (with patterns) / ordinary and hard negatives flagged");
        foreach (var t in new[] { 0.02f, 0.04f, 0.06f, 0.1f, 0.15f, 0.2f, 0.3f, 0.5f })
        {
            var caught = tuning.Where((p, i) => p.Example.IsCrisis && (tuningHits[i] || outOfFold[i].Risk >= t)).Count();
            var flagged = tuning.Where((p, i) => !p.Example.IsCrisis && (tuningHits[i] || outOfFold[i].Risk >= t)).Count();
            Console.WriteLine($"  {t:0.00}: {caught}/{tuning.Count(p => p.Example.IsCrisis)}  {flagged}/{tuning.Count(p => !p.Example.IsCrisis)}");
        }
        var learnedOnly = CrisisModelTrainer.ChooseThresholds(tuning.Select(p => p.Example).ToList(), outOfFold, tuningHits);
        var tuningLexicon = tuning.Select(p => lexicon.Read(p.Example.Text).Score).ToList();
        var (thresholds, lexiconThresholds) = CrisisThresholdSearch.Choose(
            tuning.Select((p, i) => new SignalReadings(p.Example.IsCrisis, tuningHits[i], outOfFold[i].Risk, tuningLexicon[i])).ToList(), learnedOnly);
        Console.WriteLine($"learned alone would take: definite >= {learnedOnly.Definite:0.00}, possible >= {learnedOnly.Possible:0.00}");
        Console.WriteLine($"thresholds from {Folds}-fold CV on the tuning split: definite >= {thresholds.Definite:0.00}, possible >= {thresholds.Possible:0.00}, meaning read from n-gram risk >= {thresholds.NearMiss:0.00} (at most {thresholds.MaxMeaningSentences} sentences)");
        Console.WriteLine($"lexicon: definite >= {lexiconThresholds.Definite:0.00}, possible >= {lexiconThresholds.Possible:0.00}; agreement: lexicon >= {lexiconThresholds.AgreementLexicon:0.00} with learned risk >= {lexiconThresholds.AgreementLearned:0.00}");

        PrintTuningTiers(tuning, tuningHits, outOfFold, tuningLexicon, thresholds, lexiconThresholds, lexicon, showMisses);

        var tunedModel = CrisisModelTrainer.Train(tuning, thresholds, negation) with { Lexicon = lexiconThresholds };
        var tuned = new CrisisAssessor(patterns, new LearnedCrisisSignals(tunedModel, embedder), lexicon);
        var scoredExamples = scored.Select(s => new CrisisExample(s.Text, s.Topic == TopicNames.Crisis, s.Topic == TopicNames.Crisis ? "crisis" : "ordinary", CrisisSpeaker.Self, false, "scored")).ToList();
        Console.WriteLine();
        Console.WriteLine("| signal | report: crisis caught | report: hard negatives flagged | report: ordinary messages flagged |" + (scored.Count > 0 ? " scored set: crisis caught | scored set: others flagged |" : ""));
        Console.WriteLine("|---|---|---|---|" + (scored.Count > 0 ? "---|---|" : ""));
        var reportReadings = report.Select(e => (Example: e, Assessment: tuned.Assess(e.Text))).ToList();
        var scoredReadings = scoredExamples.Select(e => (Example: e, Assessment: tuned.Assess(e.Text))).ToList();
        foreach (var (name, fired) in new (string, Func<CrisisAssessment, bool>)[]
                 {
                     ("reviewed patterns", a => a.Signals.Contains(CrisisAssessor.PatternSignal)),
                     ("learned n-grams (every sentence)", a => a.Signals.Contains(CrisisAssessor.NgramSignal)),
                     ("learned meaning (riskiest sentences)", a => a.Signals.Contains(CrisisAssessor.MeaningSignal)),
                     ("crisis lexicon (every sentence)", a => a.Signals.Contains(CrisisAssessor.LexiconSignal)),
                     ("combined: definite tier", a => a.IsDefinite),
                     ("combined: definite or possible", a => a.Tier != CrisisTier.None),
                 })
        {
            Console.WriteLine($"| {name} | {Count(reportReadings, r => r.Example.IsCrisis, fired)} | {Count(reportReadings, r => !r.Example.IsCrisis && r.Example.Kind != "ordinary", fired)} | {Count(reportReadings, r => r.Example.Kind == "ordinary", fired)} |"
                + (scored.Count > 0 ? $" {Count(scoredReadings, r => r.Example.IsCrisis, fired)} | {Count(scoredReadings, r => !r.Example.IsCrisis, fired)} |" : ""));
        }

        PrintCheckInTradeOff("tuning split (learned out of fold)", tuning.Select((p, i) => new SignalReadings(p.Example.IsCrisis, tuningHits[i], outOfFold[i].Risk, tuningLexicon[i])).ToList(),
            tuning.Select(p => p.Example.Kind == "ordinary").ToList(), thresholds, lexiconThresholds);
        var tunedSignals = new LearnedCrisisSignals(tunedModel, embedder);
        PrintCheckInTradeOff("report split", report.Select(e => new SignalReadings(e.IsCrisis, patterns.IsCrisis(e.Text), tunedSignals.Read(e.Text).Risk, lexicon.Read(e.Text).Score)).ToList(),
            report.Select(e => e.Kind == "ordinary").ToList(), thresholds, lexiconThresholds);

        Console.WriteLine();
        Console.WriteLine("report split, crisis lines by kind: caught (definite + possible) / lines, definite");
        foreach (var kind in reportReadings.Where(r => r.Example.IsCrisis).GroupBy(r => r.Example.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key,-16} {kind.Count(r => r.Assessment.Tier != CrisisTier.None),3}/{kind.Count(),-3} definite {kind.Count(r => r.Assessment.IsDefinite)}");
        }
        var others = reportReadings.Where(r => r.Example.IsCrisis && r.Assessment.Tier != CrisisTier.None).ToList();
        Console.WriteLine($"  speaker read right on {others.Count(r => (r.Assessment.Speaker == CrisisSpeaker.Other) == (r.Example.Speaker == CrisisSpeaker.Other))}/{others.Count} caught lines; Spanish read right on {others.Count(r => r.Assessment.Spanish == r.Example.Spanish)}/{others.Count}");

        var labelledDefinite = reportReadings.Where(r => r.Example.IsCrisis && r.Example.Tier == "definite").ToList();
        var labelledPossible = reportReadings.Where(r => r.Example.IsCrisis && r.Example.Tier == "possible").ToList();
        Console.WriteLine($"  lines their author marked definite: {labelledDefinite.Count(r => r.Assessment.IsDefinite)}/{labelledDefinite.Count} definite, {labelledDefinite.Count(r => r.Assessment.Tier != CrisisTier.None)} any tier; "
            + $"marked possible: {labelledPossible.Count(r => r.Assessment.IsDefinite)}/{labelledPossible.Count} definite, {labelledPossible.Count(r => r.Assessment.Tier != CrisisTier.None)} any tier");

        if (!write) return 0;
        // The shipped model is the one reported above: trained on the tuning split only (Corpus/held-out is never trained on).
        TrainCommand.WriteJson(Path.Combine(paths.Content, "model", "crisis-model.json"),
            CrisisModelTrainer.Train(tuning, thresholds, negation, $"{tuning.Count} lines: Corpus/crisis and the topic lines as ordinary messages (not Corpus/held-out)") with { Lexicon = lexiconThresholds });
        return 0;
    }

    /// <summary>
    /// The combined tiers on the TUNING split (learned risk out of fold), by kind; with --misses also its crisis lines
    /// below definite and its negatives at definite, line by line, for reviewing the lexicon. Never the report split.
    /// </summary>
    private static void PrintTuningTiers(IReadOnlyList<PreparedCrisisExample> tuning, IReadOnlyList<bool> patternHits, IReadOnlyList<LearnedCrisisReading> outOfFold,
        IReadOnlyList<float> lexiconScores, CrisisThresholds learned, LexiconThresholds lexiconThresholds, CrisisLexicon lexicon, bool showMisses)
    {
        var tiers = tuning.Select((p, i) => CrisisAssessor.TierOf(patternHits[i], false, outOfFold[i].Risk, lexiconScores[i], learned, lexiconThresholds)).ToList();
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
            var tiers = lines.Select(l => CrisisAssessor.TierOf(l.Pattern, false, l.LearnedRisk, l.LexiconScore, withPossible, lexicon)).ToList();
            var caught = lines.Where((l, i) => l.IsCrisis && tiers[i] != CrisisTier.None).Count();
            var flagged = lines.Where((l, i) => ordinary[i] && tiers[i] != CrisisTier.None).Count();
            Console.WriteLine($"  {possible:0.00}{(possible == learned.Possible ? " (chosen)" : ""),-9}: {caught}/{lines.Count(l => l.IsCrisis)}  {flagged}/{ordinary.Count(o => o)}");
        }
    }

    private static string Count<T>(IReadOnlyList<(CrisisExample Example, T Assessment)> readings, Func<(CrisisExample Example, T Assessment), bool> inSet, Func<T, bool> fired)
    {
        var set = readings.Where(inSet).ToList();
        return $"{set.Count(r => fired(r.Assessment))}/{set.Count}";
    }
}
