using ClinicBot.Embeddings;
using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Learning;

/// <summary>
/// Builds a message's features for the topic model, the same way at training and at run time:
/// [sentence embedding ‖ lexicon evidence per topic ‖ hashed n-grams].
/// </summary>
public sealed class TopicFeaturizer
{
    private readonly IReadOnlyList<string> _classes;
    private readonly HashedNgramFeatures? _ngrams;

    public TopicFeaturizer(IReadOnlyList<string> classes, TopicFeatureSettings settings)
    {
        _classes = classes;
        Settings = settings;
        _ngrams = settings.HashBits > 0 ? new HashedNgramFeatures(settings.HashBits, settings.Negation, settings.LeadClause) : null;
    }

    public TopicFeatureSettings Settings { get; }

    public int DenseLength => (Settings.Embedding ? SentenceEmbedder.Dimensions : 0) + (Settings.LexiconEvidence ? _classes.Count : 0);

    public int SparseLength => _ngrams?.Buckets ?? 0;

    /// <param name="embedding">The message's embedding; required when the settings use embeddings.</param>
    /// <param name="lexicon">The trigger lexicon's topics (primary first) and the weight of its strongest trigger.</param>
    public FeatureVector Featurize(string text, float[]? embedding, (IReadOnlyList<string> Topics, int Evidence) lexicon)
    {
        var dense = new float[DenseLength];
        var offset = 0;
        if (Settings.Embedding)
        {
            if (embedding is null || embedding.Length != SentenceEmbedder.Dimensions) throw new ArgumentException("This model needs the message's sentence embedding.", nameof(embedding));
            for (var i = 0; i < embedding.Length; i++) dense[i] = embedding[i] * Settings.EmbeddingScale;
            offset = embedding.Length;
        }
        if (Settings.LexiconEvidence)
        {
            for (var i = 0; i < lexicon.Topics.Count; i++)
            {
                var k = IndexOf(lexicon.Topics[i]);
                if (k < 0 || dense[offset + k] > 0) continue;
                // The primary topic by the strength of its trigger (6 is the strongest weight); others a fixed hint.
                dense[offset + k] = (i == 0 ? Math.Min(lexicon.Evidence, 6) / 6f : 0.3f) * Settings.LexiconScale;
            }
        }
        var (index, value) = _ngrams?.Extract(text) ?? ([], []);
        if (Settings.NgramScale != 1f) for (var k = 0; k < value.Length; k++) value[k] *= Settings.NgramScale;
        return new FeatureVector(dense, index, value);
    }

    private int IndexOf(string topic)
    {
        for (var i = 0; i < _classes.Count; i++) if (_classes[i] == topic) return i;
        return -1;
    }
}
