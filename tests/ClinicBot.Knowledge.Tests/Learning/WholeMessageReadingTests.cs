using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
using ClinicBot.Language.Loading;

namespace ClinicBot.Tests.Knowledge.Learning;

/// <summary>
/// The learned models also read the whole message as one text, as they were trained: a possible crisis that reads as
/// crisis whole becomes definite. The whole reading never lowers a tier.
/// </summary>
public sealed class WholeMessageReadingTests(LearnedKnowledgeFixture fixture) : IClassFixture<LearnedKnowledgeFixture>
{
    private static readonly CrisisThresholds Learned = new(Definite: 0.98f, Possible: 0.11f, NearMiss: 0.11f, MaxMeaningSentences: 3, WholeDefinite: 0.90f, WholeDefiniteWords: 0.5f);
    private static readonly LexiconThresholds Lexicon = new(Definite: 0.95f, Possible: 0.40f, AgreementLexicon: 0.45f, AgreementLearned: 0.50f);

    private ClinicKnowledge Knowledge => fixture.Knowledge;

    [Fact]
    public void A_possible_crisis_whose_whole_message_reads_as_crisis_is_definite()
    {
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.5f, 0f, Learned, Lexicon, whole: new WholeMessageReading(0.5f, 0.90f)));
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.5f, 0f, Learned, Lexicon, whole: new WholeMessageReading(0.99f, 0.89f))); // meaning below
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.5f, 0f, Learned, Lexicon, whole: new WholeMessageReading(0.49f, 0.99f))); // words below
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.5f, 0f, Learned, Lexicon, whole: new WholeMessageReading(0.99f, null))); // meaning not read
    }

    [Fact]
    public void The_whole_reading_never_lowers_a_tier_nor_makes_a_crisis_of_a_message_no_signal_flagged()
    {
        var ordinaryWhole = new WholeMessageReading(0.001f, 0.001f);
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(true, false, 0.97f, 0.95f, Learned, Lexicon, whole: ordinaryWhole));
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.99f, 0f, Learned, Lexicon, whole: ordinaryWhole));
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.5f, 0f, Learned, Lexicon, whole: ordinaryWhole));
        Assert.Equal(CrisisTier.None, CrisisAssessor.TierOf(false, false, 0.05f, 0f, Learned, Lexicon, whole: new WholeMessageReading(0.99f, 0.99f)));
    }

    [Fact]
    public void A_model_file_written_before_the_rule_never_applies_it()
    {
        var folder = Directory.CreateTempSubdirectory("clinicbot-thresholds-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "thresholds.json"), """{ "definite": 0.98, "possible": 0.11, "nearMiss": 0.11, "maxMeaningSentences": 3 }""");
            var older = ContentJson.Read<CrisisThresholds>(new DirectoryContentSource(folder.FullName), "thresholds.json");

            Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.5f, 0f, older, Lexicon, whole: new WholeMessageReading(1f, 1f)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_search_raises_within_the_false_alarm_budget_with_the_highest_word_threshold_that_loses_nothing()
    {
        var start = new CrisisThresholds(Definite: 0.98f, Possible: 0.2f, NearMiss: 0.15f, MaxMeaningSentences: 3);
        var lines = new List<SignalReadings>();
        // Crisis lines at the possible tier that read as crisis whole: meaning 0.95 (words 0.3), and meaning 0.90 (words 0.6).
        for (var i = 0; i < 10; i++) lines.Add(new SignalReadings(true, false, 0.5f, 0f, Whole: new WholeMessageReading(0.3f, 0.95f)));
        for (var i = 0; i < 5; i++) lines.Add(new SignalReadings(true, false, 0.5f, 0f, Whole: new WholeMessageReading(0.6f, 0.90f)));
        // Others: ordinary lines, and possible ones whose whole meaning reads 0.92 with words at 0.2.
        for (var i = 0; i < 100; i++) lines.Add(new SignalReadings(false, false, 0.01f, 0f));
        for (var i = 0; i < 5; i++) lines.Add(new SignalReadings(false, false, 0.5f, 0f, Whole: new WholeMessageReading(0.2f, 0.92f)));

        var (chosen, lexicon) = CrisisThresholdSearch.Choose(lines, start);

        // Meaning alone at 0.90 would raise the five others too (budget: 0); words at 0.3 keep them out and all 15 crisis lines in.
        Assert.Equal(0.90f, chosen.WholeDefinite);
        Assert.Equal(0.3f, chosen.WholeDefiniteWords);
        Assert.Equal(15, lines.Count(l => l.IsCrisis && CrisisAssessor.TierOf(l.Pattern, false, l.LearnedRisk, l.LexiconScore, chosen, lexicon, whole: l.Whole) == CrisisTier.Definite));
        Assert.Equal(0, lines.Count(l => !l.IsCrisis && CrisisAssessor.TierOf(l.Pattern, false, l.LearnedRisk, l.LexiconScore, chosen, lexicon, whole: l.Whole) == CrisisTier.Definite));
    }

    [Theory]
    [InlineData("what time do you open are you open saturdays where do i park whats the suite number i dont see the point in living anymore ok how do i book the call")]
    [InlineData("Thanks for the hours. Where do I park? I don't want to be alive anymore.")]
    public void A_crisis_sentence_among_ordinary_questions_keeps_the_crisis_reply(string text)
    {
        Assert.True(Knowledge.AssessCrisis(text).IsDefinite);
    }

    [Fact]
    public void The_whole_message_is_embedded_only_for_a_possible_crisis_whose_words_leave_the_raise_open()
    {
        var content = new DirectoryContentSource(Path.Combine(AppContext.BaseDirectory, "Content"));
        var model = ContentJson.Read<CrisisModelDocument>(content, LearnedModels.CrisisModelFile);
        var assessor = new CrisisAssessor(CrisisDetector.Load(content), new LearnedCrisisSignals(model, SentenceEmbedder.Shared), CrisisLexicon.Load(content));

        Assert.Null(assessor.ReadSignals("What are your hours on Saturday?").Whole); // no crisis: nothing to raise
        Assert.Null(assessor.ReadSignals("I want to kill myself tonight.").Whole); // already definite
        Assert.True(model.Thresholds.WholeDefinite <= 1f, "the shipped model raises");
    }
}
