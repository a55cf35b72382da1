namespace ClinicBot.Knowledge;

/// <summary>
/// A message and the crisis patterns' verdict on it (<see cref="ClinicKnowledge.CheckCrisis"/>). Handing it to
/// <see cref="ClinicKnowledge.Understand(CrisisCheck)"/> spares running the patterns a second time; the text
/// travels with the verdict so the two cannot be mixed up.
/// </summary>
public readonly record struct CrisisCheck(string? Text, string? Severity)
{
    public bool IsCrisis => Severity is not null;
}
