using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Learning;

/// <summary>
/// <c>Content/model/topic-model.json</c>, written by <c>tools/ClinicBot.Train</c>: the topics, which features the
/// weights were trained on, the confidence bands, and one base64 row of float32 weights per topic.
/// </summary>
public sealed record TopicModelDocument(
    int Version,
    IReadOnlyList<string> Classes,
    TopicFeatureSettings Features,
    ConfidenceBands Bands,
    IReadOnlyList<string> Weights,
    string? TrainedOn = null,
    TrainingSettings? Training = null);

/// <param name="Embedding">Sentence embedding of the message (384 numbers).</param>
/// <param name="LexiconEvidence">The trigger lexicon's verdict, one number per topic.</param>
/// <param name="HashBits">Hashed word and character n-grams in 2^HashBits buckets; 0 = none.</param>
/// <param name="Negation">Words that open a negation and words that close it (see <see cref="NegationScope"/>); null = none.</param>
/// <param name="EmbeddingScale">Multiplies the embedding block. With AdaGrad a block's scale sets how fast and how far its
/// weights move against the others', so it is the balance between meaning and wording.</param>
/// <param name="LexiconScale">Multiplies the lexicon evidence block.</param>
/// <param name="NgramScale">Multiplies the hashed n-gram block.</param>
/// <param name="LeadClause">The first clause's words as features of their own (see <see cref="HashedNgramFeatures"/>).</param>
public sealed record TopicFeatureSettings(bool Embedding, bool LexiconEvidence, int HashBits, NegationScope? Negation = null,
    float EmbeddingScale = 1f, float LexiconScale = 1f, float NgramScale = 1f, bool LeadClause = false);

/// <summary>
/// What the top probability means: at or above <paramref name="Answer"/> the topic is answered; from
/// <paramref name="Clarify"/> up to it the bot asks which of the likeliest topics was meant; below, the page has no answer.
/// </summary>
public sealed record ConfidenceBands(float Answer, float Clarify);
