using ClinicBot.Language.Classification;
using ClinicBot.Language.Text;

namespace ClinicBot.Tests.Language.Classification;

public sealed class ClassificationTests
{
    private static readonly NegationScope Negation = new(["not", "dont", "no"], ["but", "just"]);

    private static readonly (string Text, int Label)[] Toy =
    [
        ("what are your hours", 0), ("when do you open", 0), ("are you open on saturday", 0), ("closing time please", 0),
        ("where is the clinic", 1), ("what is the address", 1), ("how do i get there", 1), ("which suite are you in", 1),
    ];

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_weights_and_fits_the_data()
    {
        var features = new HashedNgramFeatures(12, Negation);
        var data = Toy.Select(t => { var (i, v) = features.Extract(t.Text); return (new FeatureVector([], i, v), t.Label); }).ToList();

        var first = SoftmaxTrainer.Train(["hours", "location"], data, 0, features.Buckets, new TrainingSettings());
        var second = SoftmaxTrainer.Train(["hours", "location"], data, 0, features.Buckets, new TrainingSettings());

        Assert.Equal(first.RowAsBase64(0), second.RowAsBase64(0));
        Assert.Equal(first.RowAsBase64(1), second.RowAsBase64(1));
        Assert.All(data, d => Assert.Equal(d.Label, first.Probabilities(d.Item1)[0] > 0.5f ? 0 : 1));
    }

    [Fact]
    public void A_model_round_trips_through_its_stored_form()
    {
        var model = TextModel.Train(["hours", "location"], Toy.Select(t => (t.Text, (float[]?)null, t.Label)).ToList(), 12, 0, new TrainingSettings(), Negation);

        var reloaded = TextModel.FromDocument(model.ToDocument());

        Assert.Equal(model.Probability("location", "where are you located"), reloaded.Probability("location", "where are you located"));
        Assert.Equal(Negation, reloaded.ToDocument().Negation);
    }

    [Fact]
    public void Words_inside_a_negation_are_features_of_their_own_until_the_clause_ends()
    {
        Assert.Equal([false, true, true], Negation.Mark(WordTokenizer.Tokens("dont call me")));
        Assert.Equal([false, true, false, false], Negation.Mark(WordTokenizer.Tokens("dont worry, call me")));
        Assert.Equal([false, true, false, false], Negation.Mark(WordTokenizer.Tokens("no thanks just info")).Take(4).ToArray());

        var withScope = new HashedNgramFeatures(16, Negation);
        var withoutScope = new HashedNgramFeatures(16);
        Assert.True(withoutScope.Extract("not booking").Index.ToHashSet().IsSupersetOf(withoutScope.Extract("booking").Index));
        Assert.False(withScope.Extract("not booking").Index.ToHashSet().IsSupersetOf(withScope.Extract("booking").Index));
    }

    [Theory]
    [InlineData("where is the clinic and what are your hours", "where is the clinic and do you take insurance")]
    [InlineData("hi, where is the clinic? what are your hours", "where is the clinic, and what are your hours")]
    [InlineData("ok so, where is the clinic also the fax", "where is the clinic")]
    public void Lead_clause_features_come_from_the_first_question_of_three_words_or_more(string text, string sameLead)
    {
        var withLead = new HashedNgramFeatures(16, leadClause: true);
        var plain = new HashedNgramFeatures(16);
        HashSet<int> LeadOnly(string t) => withLead.Extract(t).Index.Except(plain.Extract(t).Index).ToHashSet();

        Assert.NotEmpty(LeadOnly(text));
        Assert.True(LeadOnly(sameLead).SetEquals(LeadOnly(text)));
        Assert.False(LeadOnly("what are your hours and where is the clinic").SetEquals(LeadOnly("where is the clinic and what are your hours")));
    }

    [Fact]
    public void Features_are_normalised_and_the_same_for_the_same_text()
    {
        var features = new HashedNgramFeatures(14);
        var (index, value) = features.Extract("Are y'all open Saturday?");

        Assert.Equal(index, features.Extract("Are y'all open Saturday?").Index);
        Assert.Equal(1f, value.Sum(v => v * v), 3);
        Assert.Equal(index, features.Extract("are yall open saturday").Index);
    }

    [Fact]
    public void A_message_is_split_into_sentences_and_clauses_without_losing_text()
    {
        var parts = SentenceSplitter.Split("Hi there. How fast does it work? I tried everything but nothing helps");

        Assert.Equal(["Hi there.", "How fast does it work?", "I tried everything", "but nothing helps"], parts);
    }
}
