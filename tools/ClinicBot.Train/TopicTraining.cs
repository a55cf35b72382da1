using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Learning;
using ClinicBot.Language.Classification;

namespace ClinicBot.Train;

/// <summary>
/// `topics`: compares the feature sets by 5-fold cross-validation on the corpus (and on a scored set, when given),
/// trains the chosen one on the whole corpus, reads the confidence bands off its out-of-fold predictions, and writes
/// Content/model/topic-model.json.
/// </summary>
internal static class TopicTraining
{
    private const int Folds = 5;
    private const int HashBits = 15;

    /// <summary>The methods compared; the last is the one shipped.</summary>
    private static (string Name, TopicFeatureSettings Settings, TrainingSettings? Training)[] Methods(NegationScope negation) =>
    [
        ("lexical (word + character n-grams)", new(Embedding: false, LexiconEvidence: false, HashBits, negation), null),
        ("embeddings (all-MiniLM-L6-v2)", new(Embedding: true, LexiconEvidence: false, HashBits: 0), null),
        ("embeddings + n-grams", new(Embedding: true, LexiconEvidence: false, HashBits, negation), null),
        ("embeddings + n-grams + trigger lexicon", new(Embedding: true, LexiconEvidence: true, HashBits, negation), null),
        ("embeddings + n-grams + trigger lexicon + lead clause, L2 1e-5, 20 epochs",
            new(Embedding: true, LexiconEvidence: true, HashBits, negation, LeadClause: true), new(Epochs: 20, L2: 1e-5f)),
    ];

    public static async Task<int> RunAsync(RepositoryPaths paths, ClinicKnowledge knowledge, SentenceEmbedder embedder,
        IReadOnlyList<(string Text, string Topic)> scored, bool write, bool errors = false, bool explore = false, string? exploreOnly = null, string? exclude = null)
    {
        var corpus = TopicCorpus.Read(paths.Corpus)
            .Where(m => exclude is null || !m.Source.Contains(exclude, StringComparison.Ordinal)).ToList();
        if (exclude is not null) Console.WriteLine($"corpus files whose path contains '{exclude}' left out");
        var classes = TopicModelTrainer.ClassesOf(corpus);
        Console.WriteLine($"corpus: {corpus.Count} lines, {classes.Count} topics");
        foreach (var group in corpus.GroupBy(m => m.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-26} {group.Count(),4}");
        }

        var prepared = await PrepareAsync(corpus, knowledge, embedder);
        var scoredLines = scored.Where(line => classes.Contains(line.Topic)).Select(line => new LabelledMessage(line.Text, line.Topic, "scored")).ToList();
        var preparedScored = await PrepareAsync(scoredLines, knowledge, embedder);

        Console.WriteLine();
        Console.WriteLine($"| method | {Folds}-fold CV on the corpus |{(scored.Count > 0 ? " scored set (unseen) |" : "")}");
        Console.WriteLine($"|---|---|{(scored.Count > 0 ? "---|" : "")}");
        var lexiconOnCorpus = (double)corpus.Count(m => knowledge.MatchTriggers(m.Text).Topics[0] == m.Topic) / corpus.Count;
        var lexiconOnScored = scoredLines.Count == 0 ? 0 : (double)scoredLines.Count(m => knowledge.MatchTriggers(m.Text).Topics[0] == m.Topic) / scoredLines.Count;
        Console.WriteLine($"| trigger lexicon alone (no training) | {TrainCommand.Percent(lexiconOnCorpus)} |{(scored.Count > 0 ? $" {TrainCommand.Percent(lexiconOnScored)} |" : "")}");

        var methods = Methods(paths.ReadNegation());
        var chosen = methods[^1];
        IReadOnlyList<HeldOutPrediction> chosenOutOfFold = [];
        IReadOnlyList<HeldOutPrediction> chosenOnScored = [];
        foreach (var (name, settings, training) in methods)
        {
            if (explore && settings != chosen.Settings) continue; // exploring: only the kept method's errors first
            var outOfFold = TopicModelTrainer.CrossValidate(classes, prepared, settings, Folds, training);
            var scoredAccuracy = "";
            if (preparedScored.Count > 0)
            {
                var model = TopicModelTrainer.Train(classes, prepared, settings, new ConfidenceBands(0, 0), training);
                var onScored = preparedScored.Select(m => TopicModelTrainer.Predict(model, m)).ToList();
                scoredAccuracy = $" {TrainCommand.Percent(TopicModelTrainer.Accuracy(onScored))} |";
                if (settings == chosen.Settings) chosenOnScored = onScored;
            }
            Console.WriteLine($"| {name} | {TrainCommand.Percent(TopicModelTrainer.Accuracy(outOfFold))} |{scoredAccuracy}");
            if (settings == chosen.Settings) chosenOutOfFold = outOfFold;
        }
        if (chosenOnScored.Count > 0) PrintMissesPerTopic(chosenOnScored);

        if (errors) TopicErrors.Print(chosenOutOfFold, prepared);
        if (explore) TopicExploration.Run(classes, prepared, preparedScored, paths.ReadNegation(), exploreOnly);

        var bands = TopicModelTrainer.ChooseBands(chosenOutOfFold);
        Console.WriteLine();
        Console.WriteLine($"chosen: {chosen.Name}; bands: answer at p >= {bands.Answer:0.00}, clarify at p >= {bands.Clarify:0.00}");
        PrintBands(chosenOutOfFold, bands);

        if (!write) return 0;
        var final = TopicModelTrainer.Train(classes, prepared, chosen.Settings, bands, chosen.Training);
        TrainCommand.WriteJson(Path.Combine(paths.Content, "model", "topic-model.json"),
            final.ToDocument($"{corpus.Count} lines of Corpus/topics and Corpus/crisis negatives; {chosen.Name}"));
        return 0;
    }

    public static async Task<List<PreparedMessage>> PrepareAsync(IReadOnlyList<LabelledMessage> messages, ClinicKnowledge knowledge, SentenceEmbedder embedder)
    {
        var embeddings = await embedder.EncodeAllAsync(messages.Select(m => m.Text).ToList());
        return messages.Select((m, i) => new PreparedMessage(m, embeddings[i], knowledge.MatchTriggers(m.Text))).ToList();
    }

    /// <summary>Counts only (no lines): the scored set is a test set.</summary>
    private static void PrintMissesPerTopic(IReadOnlyList<HeldOutPrediction> predictions)
    {
        Console.WriteLine();
        Console.WriteLine("scored set, chosen method: misses per topic (truth: missed/lines)");
        foreach (var topic in predictions.GroupBy(p => p.Truth).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {topic.Key,-26} {topic.Count(p => p.Ranking[0].Topic != p.Truth),3}/{topic.Count()}");
        }
    }

    private static void PrintBands(IReadOnlyList<HeldOutPrediction> outOfFold, ConfidenceBands bands)
    {
        var answered = outOfFold.Where(p => p.Ranking[0].Probability >= bands.Answer).ToList();
        var clarified = outOfFold.Where(p => p.Ranking[0].Probability >= bands.Clarify && p.Ranking[0].Probability < bands.Answer).ToList();
        var declined = outOfFold.Where(p => p.Ranking[0].Probability < bands.Clarify).ToList();
        Console.WriteLine($"  answer band:  {answered.Count,4} lines, top topic right {Share(answered, p => p.Ranking[0].Topic == p.Truth)}");
        Console.WriteLine($"  clarify band: {clarified.Count,4} lines, truth among the 3 offered {Share(clarified, p => p.Ranking.Take(3).Any(r => r.Topic == p.Truth))}");
        Console.WriteLine($"  below:        {declined.Count,4} lines, top topic right {Share(declined, p => p.Ranking[0].Topic == p.Truth)}");
    }

    private static string Share(IReadOnlyList<HeldOutPrediction> set, Func<HeldOutPrediction, bool> right) =>
        set.Count == 0 ? "-" : TrainCommand.Percent((double)set.Count(right) / set.Count);
}
