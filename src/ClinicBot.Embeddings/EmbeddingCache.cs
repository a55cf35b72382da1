using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ClinicBot.Embeddings;

/// <summary>
/// Embeddings of recently embedded texts (buttons, common messages, a one-sentence message the crisis check read
/// before the topic model), the least recently used dropped first once <see cref="Capacity"/> is reached.
/// Privacy: a text is kept only as its SHA-256 digest, never as text; entries live in this process's memory only
/// (never written, logged or sent) and go with it. Thread-safe.
/// </summary>
public sealed class EmbeddingCache
{
    public const int DefaultCapacity = 2048;

    /// <summary>Environment variable that sets the capacity of the process's shared cache (0 turns it off; for A/B runs).</summary>
    public const string CapacityVariable = "CLINICBOT_EMBEDDING_CACHE_ENTRIES";

    private readonly Dictionary<UInt128, LinkedListNode<Entry>> _entries;
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();

    public EmbeddingCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _entries = new Dictionary<UInt128, LinkedListNode<Entry>>(Math.Min(capacity, DefaultCapacity));
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <summary>The capacity <see cref="CapacityVariable"/> asks for, or <see cref="DefaultCapacity"/>.</summary>
    public static int CapacityFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(CapacityVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var capacity)
            ? capacity : DefaultCapacity;

    /// <summary>The cached embedding of <paramref name="text"/>, else <paramref name="compute"/>'s (cached unless null).
    /// Each caller gets its own copy of the vector.</summary>
    public float[]? GetOrAdd(string text, Func<string, float[]?> compute)
    {
        if (Capacity == 0) return compute(text);
        var key = KeyOf(text);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return (float[])node.Value.Vector.Clone();
            }
        }

        // Computed outside the lock: two turns with the same new text may both compute it; the vectors are equal.
        var vector = compute(text);
        if (vector is null) return null;
        lock (_gate) AddLocked(key, vector);
        return vector;
    }

    private void AddLocked(UInt128 key, float[] vector)
    {
        if (_entries.ContainsKey(key)) return;
        _entries[key] = _recency.AddFirst(new Entry(key, (float[])vector.Clone()));
        if (_entries.Count > Capacity)
        {
            _entries.Remove(_recency.Last!.Value.Key);
            _recency.RemoveLast();
        }
    }

    /// <summary>The cached embedding of <paramref name="text"/> (a copy), or null.</summary>
    public float[]? TryGet(string text)
    {
        if (Capacity == 0) return null;
        var key = KeyOf(text);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return (float[])node.Value.Vector.Clone();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private static UInt128 KeyOf(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    private sealed record Entry(UInt128 Key, float[] Vector);
}
