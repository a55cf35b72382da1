using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>
/// <c>Content/model/crisis-model.json</c>, written by <c>tools/ClinicBot.Train crisis</c>: the learned crisis signals
/// (risk from n-grams alone, risk from n-grams with the sentence's meaning), who is at risk, the language, and the
/// thresholds chosen on the tuning split.
/// </summary>
public sealed record CrisisModelDocument(
    int Version,
    TextModelDocument Risk,
    TextModelDocument RiskWithMeaning,
    TextModelDocument Speaker,
    TextModelDocument Language,
    CrisisThresholds Thresholds,
    string? TrainedOn = null);

/// <param name="Definite">A learned risk at or above this on some sentence is a definite crisis.</param>
/// <param name="Possible">At or above this, a possible crisis (answer, then check in).</param>
/// <param name="NearMiss">Sentences whose n-gram risk reaches this are also read for meaning (embeddings cost more).</param>
/// <param name="MaxMeaningSentences">At most this many sentences of one message are read for meaning, riskiest first.</param>
public sealed record CrisisThresholds(float Definite, float Possible, float NearMiss, int MaxMeaningSentences);
