namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>The crisis lexicon's reading of one message: its riskiest sentence.</summary>
/// <param name="Score">0..1: the concepts of the riskiest sentence combined (0 when none, or when it says the person is safe).</param>
/// <param name="Concepts">The risk concepts found in that sentence, for counts and tests; never the text.</param>
/// <param name="Speaker">Other when that sentence speaks of someone else (a third-person cue and no first-person cue).</param>
/// <param name="Spanish">Whether that sentence's risk came mostly from Spanish phrases.</param>
public sealed record LexiconReading(float Score, IReadOnlyList<string> Concepts, CrisisSpeaker Speaker, bool Spanish)
{
    public static LexiconReading None { get; } = new(0f, [], CrisisSpeaker.Self, false);
}
