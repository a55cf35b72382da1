using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Learning;

/// <summary>A topic and the model's probability for it.</summary>
public sealed record RankedTopic(string Topic, float Probability);

/// <summary>The learned topic classifier: the featurizer, the trained weights and the confidence bands.</summary>
public sealed class TopicModel
{
    public const int CurrentVersion = 1;

    private TopicModel(TopicFeaturizer featurizer, SoftmaxModel weights, ConfidenceBands bands, TrainingSettings? training)
    {
        Featurizer = featurizer;
        Weights = weights;
        Bands = bands;
        Training = training;
    }

    /// <summary>How the weights were trained (null = <see cref="TopicModelTrainer.DefaultTraining"/>), so a retrain can repeat it.</summary>
    public TrainingSettings? Training { get; }

    public TopicFeaturizer Featurizer { get; }

    public SoftmaxModel Weights { get; }

    public ConfidenceBands Bands { get; }

    public IReadOnlyList<string> Classes => Weights.Classes;

    public static TopicModel Create(TopicFeaturizer featurizer, SoftmaxModel weights, ConfidenceBands bands, TrainingSettings? training = null) =>
        new(featurizer, weights, bands, training);

    public static TopicModel FromDocument(TopicModelDocument document)
    {
        if (document.Version != CurrentVersion) throw new InvalidDataException($"Topic model version {document.Version} is not {CurrentVersion}; retrain it with tools/ClinicBot.Train.");
        if (document.Bands.Clarify > document.Bands.Answer) throw new InvalidDataException("The clarify band must not be above the answer band.");
        var featurizer = new TopicFeaturizer(document.Classes, document.Features);
        var rows = document.Weights.Select(SoftmaxModel.RowFromBase64).ToArray();
        return new TopicModel(featurizer, new SoftmaxModel(document.Classes, featurizer.DenseLength, featurizer.SparseLength, rows), document.Bands, document.Training);
    }

    public TopicModelDocument ToDocument(string? trainedOn) => new(
        CurrentVersion,
        Classes,
        Featurizer.Settings,
        Bands,
        Enumerable.Range(0, Classes.Count).Select(Weights.RowAsBase64).ToList(),
        trainedOn,
        Training);

    /// <summary>Every topic with its probability, likeliest first.</summary>
    public IReadOnlyList<RankedTopic> Rank(FeatureVector features)
    {
        var probabilities = Weights.Probabilities(features);
        return probabilities
            .Select((p, i) => new RankedTopic(Classes[i], p))
            .OrderByDescending(t => t.Probability)
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
    }
}
