using ClinicBot.Embeddings;
using ClinicBot.Knowledge;

namespace ClinicBot.Tests.Knowledge.Learning;

/// <summary>The knowledge as the app loads it: content next to the binaries and the learned models on the sentence embedder, loaded.</summary>
public sealed class LearnedKnowledgeFixture
{
    public LearnedKnowledgeFixture()
    {
        Knowledge = ClinicKnowledge.LoadDefault(SentenceEmbedder.Shared);
        Knowledge.ModelsReady.Wait(TimeSpan.FromMinutes(2));
    }

    public ClinicKnowledge Knowledge { get; }

    /// <summary>A Tuesday, 10:30 in Sugar Land (CDT, UTC-5).</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 6, 16, 10, 30, 0, TimeSpan.FromHours(-5));
}
