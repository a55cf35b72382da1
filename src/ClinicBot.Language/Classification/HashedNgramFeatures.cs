using ClinicBot.Language.Text;

namespace ClinicBot.Language.Classification;

/// <summary>
/// Word 1–2 grams and character 3–5 grams (within words) of folded text, hashed into a fixed number of buckets,
/// log-scaled and L2-normalised. Character grams carry typos, slang spellings and Spanish word forms that exact
/// words miss. The hash (FNV-1a) is stable across runs and machines, so a trained model's weights stay valid.
/// </summary>
public sealed class HashedNgramFeatures
{
    private static readonly HashSet<string> QuestionJoiners = ["and", "also", "plus", "then", "y", "tambien"];

    private readonly uint _mask;
    private readonly NegationScope? _negation;
    private readonly bool _leadClause;

    /// <param name="leadClause">Also mark the words of the first clause (up to punctuation or "and"/"also") as features
    /// of their own: of two questions in one message the first is the main one.</param>
    public HashedNgramFeatures(int bucketBits, NegationScope? negation = null, bool leadClause = false)
    {
        _negation = negation;
        _leadClause = leadClause;
        if (bucketBits is < 8 or > 24) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        BucketBits = bucketBits;
        _mask = (1u << bucketBits) - 1;
    }

    public int BucketBits { get; }

    public int Buckets => 1 << BucketBits;

    public (int[] Index, float[] Value) Extract(string text)
    {
        var tokens = WordTokenizer.Tokens(TextFolding.Fold(text));
        var words = tokens.Select(token => token.Text).ToList();
        var negated = _negation?.Mark(tokens) ?? new bool[tokens.Count];
        var counts = new Dictionary<int, float>();
        void Add(string kind, ReadOnlySpan<char> feature)
        {
            var bucket = (int)(Fnv1a(kind, feature) & _mask);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }

        var (leadStart, leadEnd) = _leadClause ? LeadClause(tokens) : (0, 0);
        for (var i = 0; i < words.Count; i++)
        {
            if (i >= leadStart && i < leadEnd) Add("lw:", words[i]);
            // Word grams inside a negation are features of their own; character grams are the same either way.
            Add(negated[i] ? "nw:" : "w:", words[i]);
            if (i + 1 < words.Count) Add(negated[i] ? "nb:" : "b:", words[i] + " " + words[i + 1]);
            var padded = "<" + words[i] + ">";
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++) Add("c:", padded.AsSpan(start, n));
            }
        }

        var index = counts.Keys.Order().ToArray();
        var value = new float[index.Length];
        var norm = 0f;
        for (var k = 0; k < index.Length; k++)
        {
            value[k] = 1f + MathF.Log(counts[index[k]]);
            norm += value[k] * value[k];
        }
        norm = MathF.Sqrt(norm);
        if (norm > 0) for (var k = 0; k < value.Length; k++) value[k] /= norm;
        return (index, value);
    }

    /// <summary>The first clause of at least three words (a "hi," or "ok so" before it is not the question), or the first.</summary>
    private static (int Start, int End) LeadClause(IReadOnlyList<WordToken> tokens)
    {
        var first = (0, 0);
        var start = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !tokens[i].StartsClause && !QuestionJoiners.Contains(tokens[i].Text)) continue;
            if (start == 0) first = (0, i);
            if (i - start >= 3) return (start, i);
            start = i;
        }
        return first;
    }

    private static uint Fnv1a(string kind, ReadOnlySpan<char> feature)
    {
        var hash = 2166136261u;
        foreach (var c in kind) hash = (hash ^ c) * 16777619u;
        foreach (var c in feature) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
