using ClinicBot.Embeddings;
using ClinicBot.Language.Classification;
using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>The learned signals' reading of one message.</summary>
/// <param name="NgramRisk">Highest crisis probability of any sentence from its words and spellings.</param>
/// <param name="MeaningRisk">Highest crisis probability of the sentences read for meaning; null when none was (or the embedder is loading).</param>
/// <param name="RiskiestSentence">The sentence with the highest risk, for the speaker check.</param>
/// <param name="ReadEverySentence">Both models read every sentence of the message: none was too short to read (under
/// three words) and the meaning model read each one. Only then may they overrule a reviewed pattern.</param>
public sealed record LearnedCrisisReading(float NgramRisk, float? MeaningRisk, string RiskiestSentence, bool ReadEverySentence = false)
{
    public float Risk => Math.Max(NgramRisk, MeaningRisk ?? 0f);

    /// <summary>The whole message read as one text: set by <see cref="CrisisModelTrainer.CrossValidate"/> for the
    /// threshold search; the assessor reads it only when needed and keeps it in <see cref="CrisisSignalReadings.Whole"/>.</summary>
    public WholeMessageReading? Whole { get; init; }
}

/// <summary>The learned models' reading of a whole message as one text (<see cref="LearnedCrisisSignals.ReadWhole"/>).</summary>
/// <param name="NgramRisk">Crisis probability of the whole message from its words and spellings.</param>
/// <param name="MeaningRisk">Crisis probability of the whole message with its meaning (embedding of its last
/// <see cref="SentenceEmbedder.MaxCharacters"/> characters); null when not read or while the embedder is loading.</param>
public sealed record WholeMessageReading(float NgramRisk, float? MeaningRisk);

/// <summary>
/// The learned crisis signals over every sentence of a message, whatever its length: a cheap n-gram model on all of
/// them, and a model that also reads the sentence's meaning (its embedding) on the riskiest few. Pure computation;
/// when the embedder is still loading the meaning signal is skipped, never waited for.
/// </summary>
public sealed class LearnedCrisisSignals
{
    public const int CurrentVersion = 1;
    public const string CrisisClass = "crisis";
    public const string OtherClass = "other";
    public const string SpanishClass = "es";

    private readonly TextModel _risk;
    private readonly TextModel _riskWithMeaning;
    private readonly TextModel _speaker;
    private readonly TextModel _language;
    private readonly SentenceEmbedder? _embedder;

    public LearnedCrisisSignals(CrisisModelDocument document, SentenceEmbedder? embedder)
    {
        if (document.Version != CurrentVersion) throw new InvalidDataException($"Crisis model version {document.Version} is not {CurrentVersion}; retrain it with tools/ClinicBot.Train.");
        _risk = TextModel.FromDocument(document.Risk);
        _riskWithMeaning = TextModel.FromDocument(document.RiskWithMeaning);
        _speaker = TextModel.FromDocument(document.Speaker);
        _language = TextModel.FromDocument(document.Language);
        Thresholds = document.Thresholds;
        LexiconThresholds = document.Lexicon;
        _embedder = embedder;
    }

    public CrisisThresholds Thresholds { get; }

    /// <summary>The lexicon's thresholds chosen with these signals (null in a model trained before the lexicon).</summary>
    public LexiconThresholds? LexiconThresholds { get; }

    /// <param name="text">The whole message.</param>
    /// <param name="readEverySentence">When no sentence is a near miss, read the meaning of every sentence anyway (up to
    /// the configured number): the assessor asks for it when a reviewed pattern matched, since the learned models may
    /// overrule a match only after reading all of the message (<see cref="LearnedCrisisReading.ReadEverySentence"/>).</param>
    public LearnedCrisisReading Read(string text, bool readEverySentence = false)
    {
        var pieces = CrisisSentences.Split(text, CrisisSentences.LearnedTurnWords).ToList();
        var sentences = pieces.Where(HasWords).ToList();
        if (sentences.Count == 0) return new LearnedCrisisReading(0, null, "");
        var ngramRisk = sentences.Select(s => _risk.Probability(CrisisClass, s)).ToArray();
        var riskiest = Enumerable.Range(0, sentences.Count).MaxBy(i => ngramRisk[i]);

        float? meaningRisk = null;
        var nearMisses = NearMisses(ngramRisk);
        if (nearMisses.Length == 0 && readEverySentence)
        {
            nearMisses = Enumerable.Range(0, sentences.Count).OrderByDescending(i => ngramRisk[i]).Take(Thresholds.MaxMeaningSentences).ToArray();
        }
        // Up to three near-miss sentences are embedded (~6 ms each unless cached): the meaning signal is the check's main cost.
        if (nearMisses.Length > 0 && _embedder?.TryEncodeAll(nearMisses.Select(i => sentences[i]).ToArray()) is { } embeddings)
        {
            for (var k = 0; k < nearMisses.Length; k++)
            {
                var i = nearMisses[k];
                var risk = _riskWithMeaning.Probability(CrisisClass, sentences[i], embeddings[k]);
                if (risk > (meaningRisk ?? -1f))
                {
                    meaningRisk = risk;
                    if (risk > ngramRisk[riskiest]) riskiest = i;
                }
            }
        }
        var readAll = meaningRisk is not null && pieces.Count == sentences.Count && nearMisses.Length == sentences.Count;
        return new LearnedCrisisReading(ngramRisk.Max(), meaningRisk, sentences[riskiest], readAll);
    }

    /// <summary>
    /// Both models on the whole message as one text: they were trained on whole lines, and sentences can read as more
    /// together than alone ("I tried once before." and "The same feeling is back now.").
    /// <paramref name="embedding"/>: the whole message's, when the caller has it (training); else it is embedded here,
    /// through the cache the topic model shares.
    /// </summary>
    public WholeMessageReading ReadWhole(string text, float[]? embedding = null) => WithMeaning(ReadWholeWords(text), text, embedding);

    /// <summary>The whole message by the n-gram model only (no embedding: the meaning risk is null).</summary>
    public WholeMessageReading ReadWholeWords(string text) => new(_risk.Probability(CrisisClass, text), null);

    /// <summary><paramref name="words"/> (<see cref="ReadWholeWords"/> of <paramref name="text"/>) with the whole message's meaning read too.</summary>
    public WholeMessageReading WithMeaning(WholeMessageReading words, string text, float[]? embedding = null)
    {
        embedding ??= _embedder?.TryEncode(text);
        return embedding is null ? words : words with { MeaningRisk = _riskWithMeaning.Probability(CrisisClass, text, embedding) };
    }

    /// <summary>The sentences whose meaning <see cref="Read"/> embeds for <paramref name="text"/> (benchmarks compare ways to embed them).</summary>
    public IReadOnlyList<string> MeaningSentences(string text)
    {
        var sentences = Sentences(text);
        return NearMisses(sentences.Select(s => _risk.Probability(CrisisClass, s)).ToArray()).Select(i => sentences[i]).ToList();
    }

    // Only sentences of three words or more: a phone number, a name, an e-mail or "ok" carries no meaning to read
    // (and the n-gram model would otherwise react to digits or names seen near crisis lines). The patterns still
    // read everything, short crisis phrases included.
    private static List<string> Sentences(string text) => CrisisSentences.Split(text, CrisisSentences.LearnedTurnWords).Where(HasWords).ToList();

    /// <summary>The riskiest sentences by n-gram risk at or above the near-miss level, at most the configured number.</summary>
    private int[] NearMisses(float[] ngramRisk) => Enumerable.Range(0, ngramRisk.Length)
        .Where(i => ngramRisk[i] >= Thresholds.NearMiss)
        .OrderByDescending(i => ngramRisk[i])
        .Take(Thresholds.MaxMeaningSentences)
        .ToArray();

    private static bool HasWords(string sentence) =>
        WordTokenizer.Words(TextFolding.Fold(sentence)).Count(word => word.All(char.IsLetter)) >= 3;

    /// <summary>Whether the person at risk is someone else ("my son wants to die"), read from the riskiest sentence.</summary>
    public CrisisSpeaker Speaker(string sentence) =>
        _speaker.Probability(OtherClass, sentence) >= 0.5f ? CrisisSpeaker.Other : CrisisSpeaker.Self;

    public bool IsSpanish(string text) => _language.Probability(SpanishClass, text) >= 0.5f;
}
