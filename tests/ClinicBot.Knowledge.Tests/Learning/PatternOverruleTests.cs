using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
using ClinicBot.Language.Loading;

namespace ClinicBot.Tests.Knowledge.Learning;

/// <summary>
/// A reviewed pattern's match gives a check-in with 988 instead of the crisis reply only when every other signal reads
/// the message as not even a possible crisis, the meaning model included, and only where crisis.json allows it.
/// </summary>
public sealed class PatternOverruleTests(LearnedKnowledgeFixture fixture) : IClassFixture<LearnedKnowledgeFixture>
{
    private static readonly CrisisThresholds Learned = new(Definite: 0.98f, Possible: 0.11f, NearMiss: 0.11f, MaxMeaningSentences: 3);
    private static readonly LexiconThresholds Lexicon = new(Definite: 0.95f, Possible: 0.40f, AgreementLexicon: 0.45f, AgreementLearned: 0.50f);

    private ClinicKnowledge Knowledge => fixture.Knowledge;

    [Fact]
    public void Only_a_message_both_learned_models_read_below_possible_and_the_lexicon_below_possible_is_overruled()
    {
        Assert.True(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.05f, 0.08f, "s", ReadEverySentence: true), 0.2f, Learned, Lexicon));
        Assert.False(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.05f, 0.08f, "s", ReadEverySentence: false), 0.2f, Learned, Lexicon)); // a part unread
        Assert.False(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.05f, null, "s", ReadEverySentence: true), 0.2f, Learned, Lexicon)); // meaning not read
        Assert.False(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.05f, 0.11f, "s", ReadEverySentence: true), 0.2f, Learned, Lexicon)); // meaning at possible
        Assert.False(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.12f, 0.02f, "s", ReadEverySentence: true), 0.2f, Learned, Lexicon)); // n-grams at possible
        Assert.False(CrisisAssessor.PatternOverruled(new LearnedCrisisReading(0.05f, 0.08f, "s", ReadEverySentence: true), 0.4f, Learned, Lexicon)); // lexicon at possible
        Assert.False(CrisisAssessor.PatternOverruled(null, 0f, null, Lexicon)); // no learned signals at all
    }

    [Fact]
    public void An_overruled_match_is_a_possible_crisis_and_never_no_crisis()
    {
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(true, false, 0.05f, 0.2f, Learned, Lexicon, patternOverruled: true));
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(true, false, 0.05f, 0.2f, Learned, Lexicon));
    }

    [Theory]
    [InlineData("Is there any chance ketamine makes suicidal thoughts worse as a side effect?")]
    [InlineData("Do you screen patients for suicide risk before the first infusion?")]
    public void A_clinical_question_that_only_a_pattern_flags_gets_the_answer_and_a_check_in(string text)
    {
        var assessment = Knowledge.AssessCrisis(text);

        Assert.Equal(CrisisTier.Possible, assessment.Tier);
        Assert.Equal([CrisisAssessor.PatternSignal], assessment.Signals);
        var understanding = Knowledge.Understand(text);
        Assert.False(understanding.IsCrisis);
        var answers = Knowledge.Answer(understanding, LearnedKnowledgeFixture.TuesdayMorning);
        Assert.Equal(Knowledge.CrisisTexts.CheckIn, answers[^1].Text);
        Assert.Contains("988", answers[^1].Text);
    }

    [Theory]
    [InlineData("kms")]
    [InlineData("suicidal")]
    [InlineData("Do you screen patients for suicide risk before the first infusion? kms")]
    [InlineData("Is there any chance ketamine makes suicidal thoughts worse as a side effect? im suicidal")]
    [InlineData("i want to kill myself")]
    [InlineData("Can ketamine help with suicidal thoughts? I've been having them every night.")]
    public void Present_risk_and_messages_too_short_to_read_keep_the_crisis_reply(string text)
    {
        Assert.True(Knowledge.AssessCrisis(text).IsDefinite);
    }

    [Fact]
    public void Without_crisis_json_allowing_it_every_match_gets_the_crisis_reply()
    {
        var content = new DirectoryContentSource(Path.Combine(AppContext.BaseDirectory, "Content"));
        var document = ContentJson.Read<CrisisDocument>(content, CrisisDetector.FileName);
        Assert.True(document.MatchesMayBeOverruled, "the shipped crisis.json allows it");
        var strict = new CrisisAssessor(
            new CrisisDetector(document with { MatchesMayBeOverruled = false }, compile: false),
            new LearnedCrisisSignals(ContentJson.Read<CrisisModelDocument>(content, LearnedModels.CrisisModelFile), SentenceEmbedder.Shared),
            CrisisLexicon.Load(content));

        Assert.True(strict.Assess("Is there any chance ketamine makes suicidal thoughts worse as a side effect?").IsDefinite);
    }
}
