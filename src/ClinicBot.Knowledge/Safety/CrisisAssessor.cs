using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;

namespace ClinicBot.Knowledge.Safety;

/// <summary>The signals' readings of one message (<see cref="CrisisAssessor.ReadSignals"/>).</summary>
/// <param name="Severity">The reviewed patterns' match ("explicit" or "indirect"), or null.</param>
/// <param name="Undecided">The patterns timed out.</param>
/// <param name="Learned">The learned models' reading; null without a crisis model.</param>
/// <param name="Lexical">The lexicon's reading.</param>
/// <param name="PatternOverruled">The match is overruled by every other signal (<see cref="CrisisAssessor.PatternOverruled"/>).</param>
/// <param name="Whole">The learned models' reading of the whole message as one text, when the others give a possible
/// crisis (<see cref="CrisisAssessor.TierOf"/>); else null.</param>
public sealed record CrisisSignalReadings(string? Severity, bool Undecided, LearnedCrisisReading? Learned, LexiconReading Lexical, bool PatternOverruled,
    WholeMessageReading? Whole = null);

/// <summary>
/// The crisis check: independent signals OR'ed, recall first. The reviewed patterns (<see cref="CrisisDetector"/>),
/// a learned model of words and spellings on every sentence, a learned model of meaning on the riskiest sentences,
/// and the lexicon of risk concepts (<see cref="CrisisLexicon"/>) on every sentence. See <see cref="TierOf"/> for how
/// they combine. Storage-free and thread-safe; without a crisis model or lexicon (they failed to load) the others
/// still answer, the patterns always.
/// </summary>
public sealed class CrisisAssessor(CrisisDetector patterns, LearnedCrisisSignals? learned, CrisisLexicon? lexicon = null)
{
    public const string PatternSignal = "patterns";
    public const string NgramSignal = "ngrams";
    public const string MeaningSignal = "meaning";
    public const string LexiconSignal = "lexicon";
    public const string WholeMessageSignal = "whole";

    public CrisisDetector Patterns => patterns;

    public bool HasLearnedSignals => learned is not null;

    public bool HasLexicon => lexicon is not null;

    /// <summary>The lexicon's thresholds in use: those trained with the crisis model, else the standalone ones.</summary>
    public LexiconThresholds LexiconThresholds => learned?.LexiconThresholds ?? LexiconThresholds.Standalone;

    /// <summary>What each signal reads in <paramref name="text"/>, before they are combined (<see cref="Assess"/>; the
    /// training tool's reports).</summary>
    public CrisisSignalReadings ReadSignals(string text)
    {
        var severity = patterns.Detect(text);
        var undecided = severity == CrisisDetector.Undecided;
        if (undecided) severity = null;
        var lexical = lexicon?.Read(text) ?? LexiconReading.None;
        // Reading every sentence's meaning costs an embedding each: only for a match the others might overrule.
        var mayOverrule = severity is not null && patterns.MatchesMayBeOverruled && lexical.Score < LexiconThresholds.Possible;
        var reading = learned?.Read(text, readEverySentence: mayOverrule);
        var overruled = mayOverrule && PatternOverruled(reading, lexical.Score, learned?.Thresholds, LexiconThresholds);
        var sentenceTier = TierOf(severity is not null, undecided, reading?.Risk, lexical.Score, learned?.Thresholds, LexiconThresholds, overruled);
        return new CrisisSignalReadings(severity, undecided, reading, lexical, overruled, ReadWhole(text, sentenceTier));
    }

    /// <summary>
    /// The whole message as one text, only where it could change <paramref name="sentenceTier"/>: a possible crisis,
    /// which it may make definite. The n-gram model reads it first; the embedding (~6-10 ms more at 200 characters) is
    /// computed only when the words reach <see cref="CrisisThresholds.WholeDefiniteWords"/>.
    /// </summary>
    private WholeMessageReading? ReadWhole(string text, CrisisTier sentenceTier)
    {
        if (learned is null || sentenceTier != CrisisTier.Possible || learned.Thresholds.WholeDefinite > 1f) return null;
        var words = learned.ReadWholeWords(text);
        return words.NgramRisk >= learned.Thresholds.WholeDefiniteWords ? learned.WithMeaning(words, text) : words;
    }

    public CrisisAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return CrisisAssessment.None;
        var (severity, undecided, reading, lexical, overruled, whole) = ReadSignals(text);
        var lexiconThresholds = LexiconThresholds;

        var tier = TierOf(severity is not null, undecided, reading?.Risk, lexical.Score, learned?.Thresholds, lexiconThresholds, overruled, whole);
        if (tier == CrisisTier.None) return CrisisAssessment.None;

        var signals = new List<string>(4);
        if (severity is not null || undecided) signals.Add(PatternSignal);
        if (reading is not null && reading.NgramRisk >= learned!.Thresholds.Possible) signals.Add(NgramSignal);
        if (reading?.MeaningRisk is { } meaning && meaning >= learned!.Thresholds.Possible) signals.Add(MeaningSignal);
        var lexiconFired = lexical.Score >= lexiconThresholds.Possible;
        if (lexiconFired) signals.Add(LexiconSignal);
        if (RaisedByWholeMessage(whole, learned?.Thresholds)) signals.Add(WholeMessageSignal);

        // Who is at risk and the language: the learned models read them on their riskiest sentence; when the lexicon
        // fired and they did not, the lexicon's riskiest sentence says it.
        var learnedFired = reading is not null && reading.Risk >= learned!.Thresholds.Possible;
        var speaker = reading is not null && (learnedFired || !lexiconFired) ? learned!.Speaker(reading.RiskiestSentence)
            : lexiconFired ? lexical.Speaker : CrisisSpeaker.Self;
        var spanish = learned is not null ? learned.IsSpanish(text) || (lexiconFired && lexical.Spanish) : lexiconFired && lexical.Spanish;
        return new CrisisAssessment(tier, severity, speaker, spanish, signals);
    }

    /// <summary>
    /// A reviewed pattern matched, but every other signal reads the message as not even a possible crisis: both learned
    /// models read every sentence of it (the meaning model too, not only the n-grams) and stayed below the learned
    /// possible threshold, and the lexicon stayed below its possible threshold. Then the pattern's match gives a
    /// check-in with 988, not the crisis reply: a question about suicidal thoughts as a side effect, or "do you screen
    /// for suicide risk?". A message with a part the learned models cannot read (under three words: "kms", "suicidal",
    /// "ok. i want out"), with more sentences than the meaning model reads, or read while the embedder is still loading
    /// is never overruled. Only where crisis.json allows it (<see cref="CrisisDetector.MatchesMayBeOverruled"/>).
    /// </summary>
    public static bool PatternOverruled(LearnedCrisisReading? reading, float lexiconScore, CrisisThresholds? learned, LexiconThresholds lexicon) =>
        reading is { ReadEverySentence: true, MeaningRisk: not null } && learned is not null && reading.Risk < learned.Possible && lexiconScore < lexicon.Possible;

    /// <summary>
    /// How the signals combine. Definite: a reviewed pattern (unless <see cref="PatternOverruled"/>); a learned risk at its
    /// definite threshold; a lexicon score at its definite threshold; or agreement, the lexicon and the learned risk each
    /// at their agreement threshold (a medium lexicon score with a modest learned risk, or a weak lexicon concept with a
    /// learned risk just short of definite). Possible: an overruled pattern, a learned risk or lexicon score at its
    /// possible threshold, or the patterns timed out.
    /// Then the <paramref name="whole"/> message read as one text, as the learned models were trained: a possible crisis
    /// that reads as one whole (meaning risk at <see cref="CrisisThresholds.WholeDefinite"/>, words at
    /// <see cref="CrisisThresholds.WholeDefiniteWords"/>) is definite ("I tried before. The same feeling is back." reads as
    /// crisis whole more than sentence by sentence). The whole reading only ever raises a tier: a crisis sentence
    /// inside a longer run of ordinary questions reads as ordinary when the message is read whole (docs/understanding.md).
    /// </summary>
    public static CrisisTier TierOf(bool pattern, bool undecided, float? learnedRisk, float lexiconScore, CrisisThresholds? learned, LexiconThresholds lexicon,
        bool patternOverruled = false, WholeMessageReading? whole = null)
    {
        var tier = SentenceTier(pattern, undecided, learnedRisk, lexiconScore, learned, lexicon, patternOverruled);
        return tier == CrisisTier.Possible && RaisedByWholeMessage(whole, learned) ? CrisisTier.Definite : tier;
    }

    private static bool RaisedByWholeMessage(WholeMessageReading? whole, CrisisThresholds? learned) =>
        whole is { MeaningRisk: { } meaning } && learned is not null && meaning >= learned.WholeDefinite && whole.NgramRisk >= learned.WholeDefiniteWords;

    private static CrisisTier SentenceTier(bool pattern, bool undecided, float? learnedRisk, float lexiconScore, CrisisThresholds? learned, LexiconThresholds lexicon,
        bool patternOverruled)
    {
        var risk = learnedRisk ?? 0f;
        var hasLearned = learnedRisk is not null && learned is not null;
        if ((pattern && !patternOverruled)
            || (hasLearned && risk >= learned!.Definite)
            || lexiconScore >= lexicon.Definite
            || (hasLearned && lexiconScore >= lexicon.AgreementLexicon && risk >= lexicon.AgreementLearned)
            || (hasLearned && lexiconScore >= lexicon.StrongLearnedAgreementLexicon && risk >= lexicon.StrongLearnedAgreementLearned))
        {
            return CrisisTier.Definite;
        }
        return undecided || pattern || (hasLearned && risk >= learned!.Possible) || lexiconScore >= lexicon.Possible ? CrisisTier.Possible : CrisisTier.None;
    }
}
