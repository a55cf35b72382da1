using F23.StringSimilarity;
using ClinicBot.Language.Text;

namespace ClinicBot.Tests.Language.Text;

/// <summary>The typo corrector's own edit distance gives what F23.StringSimilarity's OptimalStringAlignment gives.</summary>
public sealed class AlignmentDistanceTests
{
    private static readonly OptimalStringAlignment Reference = new();

    [Theory]
    [InlineData("adress", "address", 1)]
    [InlineData("parkin", "parking", 1)]
    [InlineData("teh", "the", 1)]
    [InlineData("aa", "aa", 0)]
    [InlineData("ca", "abc", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("suicdie", "suicide", 1)]
    public void Known_pairs(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, (int)Reference.Distance(a, b));
    }

    [Fact]
    public void Random_words_over_a_small_alphabet_give_the_reference_distance_also_when_bounded()
    {
        // Few letters, so repeats and adjacent swaps (the cases where the algorithms could part) are common.
        var random = new Random(20261127);
        string Word() => new(Enumerable.Range(0, random.Next(0, 11)).Select(_ => "aabce"[random.Next(5)]).ToArray());
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (Word(), Word());
            var expected = (int)Reference.Distance(a, b);
            Assert.True(expected == EditDistance.Between(a, b), $"'{a}' vs '{b}'");
            var limit = random.Next(0, 4);
            var bounded = EditDistance.BetweenAtMost(a, b, limit);
            Assert.True(expected <= limit ? bounded == expected : bounded > limit, $"'{a}' vs '{b}' at most {limit}: {bounded}");
        }
    }

    [Fact]
    public void Long_words_beyond_the_stack_buffer_give_the_reference_distance()
    {
        var a = new string('a', 150) + "bc";
        var b = new string('a', 149) + "cb";
        Assert.Equal((int)Reference.Distance(a, b), EditDistance.Between(a, b));
    }
}
