using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Learning;

/// <summary>A message ready for training: its features for each setting are built from these.</summary>
public sealed record PreparedMessage(LabelledMessage Message, float[] Embedding, (IReadOnlyList<string> Topics, int Evidence) Lexicon);

/// <summary>Out-of-fold result of one message: the truth and the model's ranking when it had not seen the message.</summary>
public sealed record HeldOutPrediction(string Truth, IReadOnlyList<RankedTopic> Ranking);

/// <summary>
/// Trains the topic model and measures it: k-fold cross-validation on the corpus, scores on a labelled set, and
/// the confidence bands read off the out-of-fold predictions. Deterministic for the same inputs.
/// </summary>
public static class TopicModelTrainer
{
    public static TrainingSettings DefaultTraining { get; } = new();

    public static IReadOnlyList<string> ClassesOf(IEnumerable<LabelledMessage> messages) =>
        messages.Select(m => m.Topic).Distinct().Order(StringComparer.Ordinal).ToList();

    public static TopicModel Train(IReadOnlyList<string> classes, IReadOnlyList<PreparedMessage> messages, TopicFeatureSettings features,
        ConfidenceBands bands, TrainingSettings? training = null)
    {
        var featurizer = new TopicFeaturizer(classes, features);
        var examples = messages.Select(m => (featurizer.Featurize(m.Message.Text, m.Embedding, m.Lexicon), IndexOf(classes, m.Message.Topic))).ToList();
        var weights = SoftmaxTrainer.Train(classes, examples, featurizer.DenseLength, featurizer.SparseLength, training ?? DefaultTraining);
        return TopicModel.Create(featurizer, weights, bands, training);
    }

    public static IReadOnlyList<HeldOutPrediction> CrossValidate(IReadOnlyList<string> classes, IReadOnlyList<PreparedMessage> messages,
        TopicFeatureSettings features, int folds, TrainingSettings? training = null)
    {
        var fold = TopicCorpus.Folds(messages.Select(m => m.Message).ToList(), folds);
        var predictions = new HeldOutPrediction[messages.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = messages.Where((_, i) => fold[i] != f).ToList();
            var model = Train(classes, train, features, new ConfidenceBands(0, 0), training);
            for (var i = 0; i < messages.Count; i++)
            {
                if (fold[i] != f) continue;
                predictions[i] = Predict(model, messages[i]);
            }
        }
        return predictions;
    }

    public static HeldOutPrediction Predict(TopicModel model, PreparedMessage message) =>
        new(message.Message.Topic, model.Rank(model.Featurizer.Featurize(message.Message.Text, message.Embedding, message.Lexicon)));

    public static double Accuracy(IReadOnlyList<HeldOutPrediction> predictions) =>
        predictions.Count == 0 ? 0 : (double)predictions.Count(p => p.Ranking[0].Topic == p.Truth) / predictions.Count;

    /// <summary>
    /// Bands from out-of-fold predictions: answer at the lowest probability above which at least
    /// <paramref name="answerPrecision"/> of the answers were right; clarify from the lowest probability above which the
    /// truth was among the three offered topics at least <paramref name="clarifyRecall"/> of the time.
    /// </summary>
    public static ConfidenceBands ChooseBands(IReadOnlyList<HeldOutPrediction> predictions, double answerPrecision = 0.95, double clarifyRecall = 0.8)
    {
        var grid = Enumerable.Range(1, 19).Select(i => i * 0.05f).ToList();
        var answer = grid.FirstOrDefault(t =>
        {
            var above = predictions.Where(p => p.Ranking[0].Probability >= t).ToList();
            return above.Count > 0 && (double)above.Count(p => p.Ranking[0].Topic == p.Truth) / above.Count >= answerPrecision;
        }, 0.95f);
        var clarify = grid.Where(t => t <= answer).FirstOrDefault(t =>
        {
            var band = predictions.Where(p => p.Ranking[0].Probability >= t && p.Ranking[0].Probability < answer).ToList();
            return band.Count == 0 || (double)band.Count(p => p.Ranking.Take(3).Any(r => r.Topic == p.Truth)) / band.Count >= clarifyRecall;
        }, answer);
        return new ConfidenceBands(answer, clarify);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string topic)
    {
        for (var i = 0; i < classes.Count; i++) if (classes[i] == topic) return i;
        throw new InvalidDataException($"Topic '{topic}' is not one of the model's topics.");
    }
}
