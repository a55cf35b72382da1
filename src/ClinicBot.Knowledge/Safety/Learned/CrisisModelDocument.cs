using ClinicBot.Language.Classification;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>
/// <c>Content/model/crisis-model.json</c>, written by <c>tools/ClinicBot.Train crisis</c>: the learned crisis signals
/// (risk from n-grams alone, risk from n-grams with the sentence's meaning), who is at risk, the language, and the
/// thresholds chosen on the tuning split (the crisis lexicon's too).
/// </summary>
public sealed record CrisisModelDocument(
    int Version,
    TextModelDocument Risk,
    TextModelDocument RiskWithMeaning,
    TextModelDocument Speaker,
    TextModelDocument Language,
    CrisisThresholds Thresholds,
    string? TrainedOn = null,
    LexiconThresholds? Lexicon = null);

/// <param name="Definite">A learned risk at or above this on some sentence is a definite crisis.</param>
/// <param name="Possible">At or above this, a possible crisis (answer, then check in).</param>
/// <param name="NearMiss">Sentences whose n-gram risk reaches this are also read for meaning (embeddings cost more).</param>
/// <param name="MaxMeaningSentences">At most this many sentences of one message are read for meaning, riskiest first.</param>
/// <param name="WholeDefinite">A possible crisis whose whole message, read as one text, has a meaning risk at or
/// above this (and an n-gram risk at or above <paramref name="WholeDefiniteWords"/>) is a definite crisis (2: never, as
/// in a model trained before this rule).</param>
/// <param name="WholeDefiniteWords">The whole message's n-gram risk the raise needs besides its meaning risk: it spares
/// the embedding of the whole message where the words alone already rule the raise out.</param>
public sealed record CrisisThresholds(float Definite, float Possible, float NearMiss, int MaxMeaningSentences,
    float WholeDefinite = 2f, float WholeDefiniteWords = 0f);

/// <summary>The crisis lexicon's thresholds, chosen with the learned ones on the tuning split.</summary>
/// <param name="Definite">A lexicon score at or above this is a definite crisis.</param>
/// <param name="Possible">At or above this, a possible crisis.</param>
/// <param name="AgreementLexicon">Agreement: a lexicon score at or above this ...</param>
/// <param name="AgreementLearned">... together with a learned risk at or above this is a definite crisis (two
/// independent signals agreeing at a level where each alone would only be possible).</param>
/// <param name="StrongLearnedAgreementLexicon">Second agreement: any lexicon evidence at or above this (a weak concept) ...</param>
/// <param name="StrongLearnedAgreementLearned">... together with a learned risk at or above this (just below the learned
/// definite threshold) is a definite crisis. 2 (never) in a model trained before this rule.</param>
public sealed record LexiconThresholds(float Definite, float Possible, float AgreementLexicon, float AgreementLearned,
    float StrongLearnedAgreementLexicon = 2f, float StrongLearnedAgreementLearned = 2f)
{
    /// <summary>For the lexicon without a crisis model (it failed to load): no agreement, since there is nothing to agree with.</summary>
    public static LexiconThresholds Standalone { get; } = new(Definite: 0.9f, Possible: 0.5f, AgreementLexicon: 2f, AgreementLearned: 2f);
}
