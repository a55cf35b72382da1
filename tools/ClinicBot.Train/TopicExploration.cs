using ClinicBot.Knowledge.Learning;
using ClinicBot.Language.Classification;

namespace ClinicBot.Train;

/// <summary>
/// `topics --explore`: the kept feature set with one knob changed at a time (L2, epochs, step size, block scales,
/// no negation), each by 5-fold CV on the corpus and on the scored set (reported only, never used to choose).
/// </summary>
internal static class TopicExploration
{
    private const int HashBits = 15;

    public static void Run(IReadOnlyList<string> classes, IReadOnlyList<PreparedMessage> corpus, IReadOnlyList<PreparedMessage> scored, NegationScope negation, string? only = null)
    {
        var kept = new TopicFeatureSettings(Embedding: true, LexiconEvidence: true, HashBits, negation);
        var defaults = TopicModelTrainer.DefaultTraining;
        var lead = kept with { LeadClause = true };
        var variants = new List<(string Name, TopicFeatureSettings Features, TrainingSettings Training)>
        {
            ("kept (L2 1e-6, 10 epochs, lr 0.2, scales 1/1/1)", kept, defaults),
            ("embedding x2", kept with { EmbeddingScale = 2f }, defaults),
            ("n-grams x2", kept with { NgramScale = 2f }, defaults),
            ("n-grams x0.5", kept with { NgramScale = 0.5f }, defaults),
            ("lexicon x2", kept with { LexiconScale = 2f }, defaults),
            ("lexicon x0.5", kept with { LexiconScale = 0.5f }, defaults),
            ("lead clause words", lead, defaults),
            ("L2 1e-5, 20 epochs", kept, defaults with { L2 = 1e-5f, Epochs = 20 }),
            ("lead clause words, L2 1e-5, 20 epochs", lead, defaults with { L2 = 1e-5f, Epochs = 20 }),
        };
        if (only is not null) variants = variants.Where(v => v.Name.Contains(only, StringComparison.Ordinal)).ToList();
        Console.WriteLine();
        Console.WriteLine("| variant | 5-fold CV | scored (unseen) |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, features, training) in variants)
        {
            var cv = TopicModelTrainer.Accuracy(TopicModelTrainer.CrossValidate(classes, corpus, features, 5, training));
            var unseen = "-";
            if (scored.Count > 0)
            {
                var model = TopicModelTrainer.Train(classes, corpus, features, new ConfidenceBands(0, 0), training);
                unseen = TrainCommand.Percent(TopicModelTrainer.Accuracy(scored.Select(m => TopicModelTrainer.Predict(model, m)).ToList()));
            }
            Console.WriteLine($"| {name} | {TrainCommand.Percent(cv)} | {unseen} |");
        }
    }
}
