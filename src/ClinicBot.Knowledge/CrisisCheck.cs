using ClinicBot.Knowledge.Safety;

namespace ClinicBot.Knowledge;

/// <summary>
/// A message and the crisis check's verdict on it (<see cref="ClinicKnowledge.CheckCrisis"/>). Handing it to
/// <see cref="ClinicKnowledge.Understand(CrisisCheck)"/> spares running the check a second time; the text
/// travels with the verdict so the two cannot be mixed up.
/// </summary>
public readonly record struct CrisisCheck(string? Text, CrisisAssessment Assessment)
{
    /// <summary>A definite crisis: the fixed crisis reply goes first and alone.</summary>
    public bool IsCrisis => Assessment.IsDefinite;

    /// <summary>"explicit" or "indirect" when a reviewed pattern matched.</summary>
    public string? Severity => Assessment.Severity;
}
