using ClinicBot.Knowledge.Safety.Learned;

namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// The crisis check: independent signals OR'ed, recall first. The reviewed patterns (<see cref="CrisisDetector"/>),
/// a learned model of words and spellings on every sentence, and a learned model of meaning on the riskiest
/// sentences. Any pattern, or a learned risk at the definite threshold, is a definite crisis; a learned risk at the
/// possible threshold is a possible one. Storage-free and thread-safe; without a crisis model (it failed to load)
/// the patterns still answer alone.
/// </summary>
public sealed class CrisisAssessor(CrisisDetector patterns, LearnedCrisisSignals? learned)
{
    public const string PatternSignal = "patterns";
    public const string NgramSignal = "ngrams";
    public const string MeaningSignal = "meaning";

    public CrisisDetector Patterns => patterns;

    public bool HasLearnedSignals => learned is not null;

    public CrisisAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return CrisisAssessment.None;
        var severity = patterns.Detect(text);
        var undecided = severity == CrisisDetector.Undecided;
        if (undecided) severity = null;
        if (learned is null)
        {
            return severity is not null ? new CrisisAssessment(CrisisTier.Definite, severity, CrisisSpeaker.Self, false, [PatternSignal])
                : undecided ? new CrisisAssessment(CrisisTier.Possible, null, CrisisSpeaker.Self, false, [PatternSignal])
                : CrisisAssessment.None;
        }

        var reading = learned.Read(text);
        var thresholds = learned.Thresholds;
        var signals = new List<string>(3);
        if (severity is not null || undecided) signals.Add(PatternSignal);
        if (reading.NgramRisk >= thresholds.Possible) signals.Add(NgramSignal);
        if (reading.MeaningRisk >= thresholds.Possible) signals.Add(MeaningSignal);

        var tier = severity is not null || reading.Risk >= thresholds.Definite ? CrisisTier.Definite
            : reading.Risk >= thresholds.Possible || undecided ? CrisisTier.Possible
            : CrisisTier.None;
        if (tier == CrisisTier.None) return CrisisAssessment.None;
        return new CrisisAssessment(tier, severity, learned.Speaker(reading.RiskiestSentence), learned.IsSpanish(text), signals);
    }
}
