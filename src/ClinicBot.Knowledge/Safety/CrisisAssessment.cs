namespace ClinicBot.Knowledge.Safety;

/// <summary>How sure the crisis check is: definite → the fixed crisis reply first; possible → answer, then a check-in with 988.</summary>
public enum CrisisTier
{
    None,
    Possible,
    Definite,
}

/// <summary>Who is at risk in the message: the writer, or someone they are worried about.</summary>
public enum CrisisSpeaker
{
    Self,
    Other,
}

/// <summary>
/// The crisis check's verdict on one message.
/// </summary>
/// <param name="Severity">"explicit" or "indirect" when a reviewed pattern matched (the evaluation's labels); else null.</param>
/// <param name="Signals">Which signals fired ("patterns", "ngrams", "meaning", "lexicon", and "whole" when the whole
/// message read as one text made it definite), for counts and tuning; never the text.</param>
public sealed record CrisisAssessment(CrisisTier Tier, string? Severity, CrisisSpeaker Speaker, bool Spanish, IReadOnlyList<string> Signals)
{
    public static CrisisAssessment None { get; } = new(CrisisTier.None, null, CrisisSpeaker.Self, false, []);

    public bool IsDefinite => Tier == CrisisTier.Definite;

    public bool IsPossible => Tier == CrisisTier.Possible;
}
