namespace ClinicBot.Language.Classification;

/// <summary>A trained <see cref="TextModel"/> as stored in a model file.</summary>
/// <param name="Embedding">Whether a sentence embedding (of <paramref name="EmbeddingDimensions"/> numbers) precedes the n-grams.</param>
public sealed record TextModelDocument(IReadOnlyList<string> Classes, int HashBits, bool Embedding, int EmbeddingDimensions, IReadOnlyList<string> Weights, NegationScope? Negation = null);

/// <summary>
/// A classifier of short texts over hashed n-grams, optionally with the text's sentence embedding in front:
/// the shape shared by the crisis models (risk, speaker, language).
/// </summary>
public sealed class TextModel
{
    private readonly HashedNgramFeatures _ngrams;

    private readonly NegationScope? _negation;

    public TextModel(SoftmaxModel weights, HashedNgramFeatures ngrams, int embeddingDimensions, NegationScope? negation = null)
    {
        _negation = negation;
        Weights = weights;
        _ngrams = ngrams;
        EmbeddingDimensions = embeddingDimensions;
    }

    public SoftmaxModel Weights { get; }

    public int EmbeddingDimensions { get; }

    public bool UsesEmbedding => EmbeddingDimensions > 0;

    public FeatureVector Featurize(string text, float[]? embedding)
    {
        if (UsesEmbedding && (embedding is null || embedding.Length != EmbeddingDimensions)) throw new ArgumentException("This model needs the text's sentence embedding.", nameof(embedding));
        var (index, value) = _ngrams.Extract(text);
        return new FeatureVector(UsesEmbedding ? embedding! : [], index, value);
    }

    /// <summary>Probability of <paramref name="className"/> for the text.</summary>
    public float Probability(string className, string text, float[]? embedding = null)
    {
        var k = IndexOf(className);
        return Weights.Probabilities(Featurize(text, embedding))[k];
    }

    public static TextModel Train(IReadOnlyList<string> classes, IReadOnlyList<(string Text, float[]? Embedding, int Label)> examples,
        int hashBits, int embeddingDimensions, TrainingSettings settings, NegationScope? negation = null)
    {
        var ngrams = new HashedNgramFeatures(hashBits, negation);
        var shell = new TextModel(new SoftmaxModel(classes, embeddingDimensions, ngrams.Buckets, classes.Select(_ => new float[embeddingDimensions + ngrams.Buckets + 1]).ToArray()), ngrams, embeddingDimensions, negation);
        var data = examples.Select(e => (shell.Featurize(e.Text, e.Embedding), e.Label)).ToList();
        return new TextModel(SoftmaxTrainer.Train(classes, data, embeddingDimensions, ngrams.Buckets, settings), ngrams, embeddingDimensions, negation);
    }

    public static TextModel FromDocument(TextModelDocument document)
    {
        var ngrams = new HashedNgramFeatures(document.HashBits, document.Negation);
        var dense = document.Embedding ? document.EmbeddingDimensions : 0;
        var rows = document.Weights.Select(SoftmaxModel.RowFromBase64).ToArray();
        return new TextModel(new SoftmaxModel(document.Classes, dense, ngrams.Buckets, rows), ngrams, dense, document.Negation);
    }

    public TextModelDocument ToDocument() => new(
        Weights.Classes,
        _ngrams.BucketBits,
        UsesEmbedding,
        EmbeddingDimensions,
        Enumerable.Range(0, Weights.Classes.Count).Select(Weights.RowAsBase64).ToList(),
        _negation);

    private int IndexOf(string className)
    {
        for (var i = 0; i < Weights.Classes.Count; i++) if (Weights.Classes[i] == className) return i;
        throw new ArgumentException($"'{className}' is not one of this model's classes.", nameof(className));
    }
}
