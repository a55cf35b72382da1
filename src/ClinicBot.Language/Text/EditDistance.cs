namespace ClinicBot.Language.Text;

/// <summary>
/// Optimal string alignment distance as F23.StringSimilarity's OptimalStringAlignment computes it (edits and
/// adjacent swaps, a swap costing as much as substituting the second letter), without allocating: three rows of
/// the table on the stack instead of a fresh two-dimensional array per word pair.
/// </summary>
public static class EditDistance
{
    private const int StackLimit = 256;

    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => BetweenAtMost(a, b, int.MaxValue - 1);

    /// <summary>
    /// The distance when it is at most <paramref name="limit"/>, otherwise some value above the limit: stops as soon
    /// as a whole row of the table exceeds it (no row has a smaller minimum than the row before, so the final
    /// distance cannot come back under).
    /// </summary>
    public static int BetweenAtMost(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(previous[j - 1] + cost, Math.Min(current[j - 1] + 1, previous[j] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + cost);
                }
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > limit) return limit + 1;
            var reused = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = reused;
        }
        return previous[b.Length];
    }
}
