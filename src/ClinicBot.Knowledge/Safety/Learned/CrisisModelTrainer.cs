using ClinicBot.Embeddings;
using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>A crisis corpus line with its sentence embedding (of the whole line, clipped as at run time).</summary>
public sealed record PreparedCrisisExample(CrisisExample Example, float[] Embedding);

/// <summary>
/// Trains the learned crisis signals and chooses their thresholds from out-of-fold readings of the tuning split.
/// Deterministic for the same inputs.
/// </summary>
public static class CrisisModelTrainer
{
    public static TrainingSettings Training { get; } = new(Epochs: 10, LearningRate: 0.2f, L2: 1e-6f);

    private const int RiskHashBits = 16;
    private const int SmallHashBits = 14;

    public static CrisisModelDocument Train(IReadOnlyList<PreparedCrisisExample> examples, CrisisThresholds thresholds, NegationScope? negation, string? trainedOn = null)
    {
        var riskExamples = examples.Select(e => (e.Example.Text, (float[]?)null, e.Example.IsCrisis ? 1 : 0)).ToList();
        var meaningExamples = examples.Select(e => (e.Example.Text, (float[]?)e.Embedding, e.Example.IsCrisis ? 1 : 0)).ToList();
        var crisisLines = examples.Where(e => e.Example.IsCrisis).ToList();
        var speakerExamples = crisisLines.Select(e => (e.Example.Text, (float[]?)null, e.Example.Speaker == CrisisSpeaker.Other ? 1 : 0)).ToList();
        var languageExamples = examples.Where(e => !e.Example.Source.StartsWith("topics/", StringComparison.Ordinal))
            .Select(e => (e.Example.Text, (float[]?)null, e.Example.Spanish || e.Example.Kind.StartsWith("spanish", StringComparison.Ordinal) ? 1 : 0)).ToList();

        return new CrisisModelDocument(
            LearnedCrisisSignals.CurrentVersion,
            TextModel.Train(["none", LearnedCrisisSignals.CrisisClass], riskExamples, RiskHashBits, 0, Training, negation).ToDocument(),
            TextModel.Train(["none", LearnedCrisisSignals.CrisisClass], meaningExamples, RiskHashBits, SentenceEmbedder.Dimensions, Training, negation).ToDocument(),
            TextModel.Train(["self", LearnedCrisisSignals.OtherClass], speakerExamples, SmallHashBits, 0, Training, negation).ToDocument(),
            TextModel.Train(["en", LearnedCrisisSignals.SpanishClass], languageExamples, SmallHashBits, 0, Training, negation).ToDocument(),
            thresholds,
            trainedOn);
    }

    /// <summary>Each example read by signals trained without it (k folds, every k-th line of each file).</summary>
    /// <param name="readMeaningOf">Per example, whether to read the meaning of every sentence in any case (the lines a
    /// reviewed pattern matches, as the assessor does).</param>
    public static IReadOnlyList<LearnedCrisisReading> CrossValidate(IReadOnlyList<PreparedCrisisExample> examples, int folds, CrisisThresholds thresholds, NegationScope? negation, SentenceEmbedder embedder,
        IReadOnlyList<bool>? readMeaningOf = null)
    {
        var fold = Folds(examples, folds);
        var readings = new LearnedCrisisReading[examples.Count];
        for (var f = 0; f < folds; f++)
        {
            var signals = new LearnedCrisisSignals(Train(examples.Where((_, i) => fold[i] != f).ToList(), thresholds, negation), embedder);
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] != f) continue;
                var text = examples[i].Example.Text;
                readings[i] = signals.Read(text, readMeaningOf?[i] ?? false) with { Whole = signals.ReadWhole(text, examples[i].Embedding) };
            }
        }
        return readings;
    }

    /// <summary>
    /// Definite: the lowest risk at which at most <paramref name="falseDefiniteRate"/> of the ordinary messages would get
    /// the crisis reply. Possible: the highest risk at which, with the patterns, at least <paramref name="possibleRecall"/>
    /// of the crisis lines are caught (never above definite).
    /// </summary>
    public static CrisisThresholds ChooseThresholds(IReadOnlyList<CrisisExample> examples, IReadOnlyList<LearnedCrisisReading> readings,
        IReadOnlyList<bool> patternHits, double falseDefiniteRate = 0.005, double possibleRecall = 0.98)
    {
        var grid = Enumerable.Range(1, 99).Select(i => i / 100f).ToList();
        var negatives = Enumerable.Range(0, examples.Count).Where(i => !examples[i].IsCrisis).ToList();
        var positives = Enumerable.Range(0, examples.Count).Where(i => examples[i].IsCrisis).ToList();
        var definite = grid.FirstOrDefault(t => negatives.Count(i => patternHits[i] || readings[i].Risk >= t) <= falseDefiniteRate * negatives.Count, 0.99f);
        var possible = grid.Where(t => t <= definite).LastOrDefault(t => positives.Count(i => patternHits[i] || readings[i].Risk >= t) >= possibleRecall * positives.Count, 0.05f);
        return new CrisisThresholds(definite, possible, NearMiss: Math.Min(0.15f, possible), MaxMeaningSentences: 3);
    }

    private static int[] Folds(IReadOnlyList<PreparedCrisisExample> examples, int folds)
    {
        var assignment = new int[examples.Count];
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Count; i++)
        {
            var n = count.GetValueOrDefault(examples[i].Example.Source);
            assignment[i] = n % folds;
            count[examples[i].Example.Source] = n + 1;
        }
        return assignment;
    }
}
