using ClinicBot.Language.Text;

namespace ClinicBot.Tests.Language.Text;

/// <summary>The booking recognizers' edit distance (three rows) gives what the full distance table gives.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("cancle", "cancel", 1)]
    [InlineData("gmial.com", "gmail.com", 1)]
    [InlineData("wenesday", "wednesday", 1)]
    [InlineData("", "help", 4)]
    [InlineData("help", "", 4)]
    [InlineData("ca", "abc", 3)]
    public void Known_pairs(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void Random_words_give_the_full_table_distance()
    {
        var random = new Random(20261127);
        string Word(int max) => new(Enumerable.Range(0, random.Next(0, max)).Select(_ => "aabce"[random.Next(5)]).ToArray());
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = i % 100 == 0 ? (Word(120), Word(120)) : (Word(11), Word(11));
            Assert.True(FullTable(a, b) == EditDistance.Between(a, b), $"'{a}' vs '{b}'");
        }
    }

    // The textbook optimal-string-alignment table, kept whole.
    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
