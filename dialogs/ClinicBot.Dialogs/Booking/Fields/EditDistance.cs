namespace ClinicBot.Dialogs.Booking.Fields;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions) for short words.</summary>
internal static class EditDistance
{
    private const int StackLimit = 256;

    public static int Between(string a, string b)
    {
        // Three rows of the distance table (two back for a transposition), on the stack for ordinary words.
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            var reused = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = reused;
        }

        return previous[b.Length];
    }
}
