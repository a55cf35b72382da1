using ClinicBot.Knowledge;

namespace ClinicBot.Testing;

/// <summary>One knowledge base for the whole test class, loaded the way the app loads it (Content/ next to the binaries).</summary>
public sealed class KnowledgeFixture
{
    public ClinicKnowledge Knowledge { get; } = ClinicKnowledge.LoadDefault();

    /// <summary>A Tuesday, 10:30 in Sugar Land (CDT, UTC-5).</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 6, 16, 10, 30, 0, TimeSpan.FromHours(-5));
}
