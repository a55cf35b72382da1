using ClinicBot.Embeddings;

namespace ClinicBot.Tests.Knowledge.Embeddings;

public sealed class EmbeddingCacheTests
{
    private int _computed;

    private float[] Compute(string text)
    {
        _computed++;
        return [text.Length, text[0], _computed];
    }

    [Fact]
    public void A_text_seen_before_gets_the_vector_computed_the_first_time_without_computing_again()
    {
        var cache = new EmbeddingCache(capacity: 4);

        var first = cache.GetOrAdd("what are your hours", Compute);
        var again = cache.GetOrAdd("what are your hours", Compute);

        Assert.Equal(first, again);
        Assert.Equal(1, _computed);
        Assert.NotEqual(first, cache.GetOrAdd("where are you", Compute));
        Assert.Equal(2, _computed);
    }

    [Fact]
    public void A_caller_changing_its_vector_does_not_change_what_the_next_caller_gets()
    {
        var cache = new EmbeddingCache(capacity: 4);
        var first = cache.GetOrAdd("hello", Compute)!;
        var expected = first.ToArray();

        first[0] = -1;
        var second = cache.GetOrAdd("hello", Compute)!;
        second[1] = -1;

        Assert.Equal(expected, cache.GetOrAdd("hello", Compute));
    }

    [Fact]
    public void It_holds_at_most_its_capacity_dropping_the_least_recently_used()
    {
        var cache = new EmbeddingCache(capacity: 3);
        foreach (var text in new[] { "one", "two", "three" }) cache.GetOrAdd(text, Compute);
        cache.GetOrAdd("one", Compute); // "two" is now the least recently used

        cache.GetOrAdd("four", Compute);
        cache.GetOrAdd("five", Compute);

        Assert.Equal(3, cache.Count);
        var computedBefore = _computed;
        cache.GetOrAdd("one", Compute);
        cache.GetOrAdd("five", Compute);
        Assert.Equal(computedBefore, _computed);
        cache.GetOrAdd("two", Compute);
        Assert.Equal(computedBefore + 1, _computed);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Capacity_zero_computes_every_time_and_keeps_nothing()
    {
        var cache = new EmbeddingCache(capacity: 0);

        cache.GetOrAdd("hello", Compute);
        cache.GetOrAdd("hello", Compute);

        Assert.Equal(2, _computed);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_text_the_model_could_not_embed_is_not_cached()
    {
        var cache = new EmbeddingCache(capacity: 4);

        Assert.Null(cache.GetOrAdd("hello", _ => null));
        Assert.Equal(0, cache.Count);
        Assert.NotNull(cache.GetOrAdd("hello", Compute));
    }

    [Fact]
    public void Clear_empties_it()
    {
        var cache = new EmbeddingCache(capacity: 4);
        cache.GetOrAdd("hello", Compute);

        cache.Clear();

        Assert.Equal(0, cache.Count);
        cache.GetOrAdd("hello", Compute);
        Assert.Equal(2, _computed);
    }
}
