using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
using ClinicBot.Language.Loading;

namespace ClinicBot.Tests.Knowledge.Safety;

/// <summary>
/// The crisis lexicon (Content/crisis-lexicon.json) as the app loads it: each risk concept fires, negation and
/// safety cues suppress, the treatment's own risks and figurative uses stay quiet, the third person is told apart,
/// and every sentence of a long message is read. The sentences are written here, not taken from any evaluation set.
/// </summary>
public sealed class CrisisLexiconTests : IDisposable
{
    private static readonly string ContentRoot = Path.Combine(AppContext.BaseDirectory, "Content");
    private readonly string _temp = Directory.CreateTempSubdirectory("clinicbot-lexicon-").FullName;
    private readonly CrisisLexicon _lexicon;

    public CrisisLexiconTests()
    {
        var warnings = new List<string>();
        _lexicon = CrisisLexicon.Load(new DirectoryContentSource(ContentRoot), warnings)!;
        Assert.Empty(warnings);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // Standalone thresholds: what the lexicon answers with when no crisis model is loaded.
    private static float Definite => LexiconThresholds.Standalone.Definite;
    private static float Possible => LexiconThresholds.Standalone.Possible;

    [Fact]
    public void The_lexicon_loads_from_the_content_folder()
    {
        Assert.NotNull(_lexicon);
        Assert.True(File.Exists(Path.Combine(ContentRoot, "crisis-lexicon.json")));
    }

    [Theory]
    [InlineData("death", "lately i keep wishing i had never been born")]
    [InlineData("death", "estoy pensando en quitarme la vida")]
    [InlineData("self_harm", "i started cutting myself again after my breakup")]
    [InlineData("means", "i have a plan and the pills are lined up on my dresser")]
    [InlineData("farewell", "i have given away my records and my bike, goodbye forever")]
    [InlineData("burden", "my brothers would be better off without me around")]
    [InlineData("hopelessness", "nothing will ever change, there is no way out for me")]
    [InlineData("time_running_out", "i wont be around much longer so it doesnt matter")]
    [InlineData("not_waking_up", "every night i hope i dont wake up in the morning")]
    [InlineData("not_waking_up", "quisiera dormir y no despertar")]
    public void Each_concept_fires_on_a_sentence_that_carries_it(string concept, string sentence)
    {
        var reading = _lexicon.Read(sentence);

        Assert.Contains(concept, reading.Concepts);
        Assert.True(reading.Score >= Possible, $"{reading.Score} < {Possible} for \"{sentence}\"");
    }

    [Fact]
    public void Concepts_that_occur_together_score_higher_than_either_alone()
    {
        var hopeless = _lexicon.Read("nothing will ever change");
        var time = _lexicon.Read("i have set a date");
        var both = _lexicon.Read("nothing will ever change and i have set a date");

        Assert.True(both.Score > hopeless.Score && both.Score > time.Score, $"{both.Score} vs {hopeless.Score}, {time.Score}");
        Assert.True(both.Score >= Definite);
    }

    [Theory]
    [InlineData("i want to die", "i dont want to die, i want the depression to lift")]
    [InlineData("i keep thinking about hurting myself", "i would never hurt myself, i just feel flat")]
    [InlineData("i feel suicidal tonight", "im not suicidal, only exhausted")]
    [InlineData("i want to end my life", "im safe, i do not want to end my life")]
    public void Negation_and_safety_cues_suppress_the_phrase(string atRisk, string safe)
    {
        Assert.True(_lexicon.Read(atRisk).Score >= Definite);
        Assert.True(_lexicon.Read(safe).Score < Possible, $"\"{safe}\" scored {_lexicon.Read(safe).Score}");
    }

    [Fact]
    public void A_safety_cue_silences_only_its_own_part_of_the_message()
    {
        Assert.True(_lexicon.Read("i would never act on it, but i think about killing myself every day").Score >= Definite);
    }

    [Fact]
    public void A_phrase_that_needs_a_negation_fires_only_with_one()
    {
        Assert.True(_lexicon.Read("i dont want to live like this").Score >= Possible);
        Assert.Equal(0f, _lexicon.Read("i want to live a normal life again").Score);
    }

    [Theory]
    [InlineData("my brother says he wants to kill himself")]
    [InlineData("my mom keeps saying she wants to die and wont eat")]
    [InlineData("mi hijo dice que se quiere matar")]
    public void Someone_else_at_risk_is_read_as_the_third_person(string sentence)
    {
        var reading = _lexicon.Read(sentence);

        Assert.True(reading.Score >= Possible);
        Assert.Equal(CrisisSpeaker.Other, reading.Speaker);
    }

    [Fact]
    public void The_writer_at_risk_is_read_as_the_first_person_and_spanish_as_spanish()
    {
        Assert.Equal(CrisisSpeaker.Self, _lexicon.Read("i want to kill myself").Speaker);
        Assert.True(_lexicon.Read("ya no quiero vivir").Spanish);
        Assert.False(_lexicon.Read("i dont want to live anymore").Spanish);
    }

    [Theory]
    [InlineData("is there any risk of overdose during an infusion at your clinic?")]
    [InlineData("does ketamine help people with suicidal thoughts? i read an article about it")]
    [InlineData("dying to know if you are open on saturday")]
    [InlineData("this commute is killing me, where do i park")]
    [InlineData("please cancel my appointment, i will book another time")]
    [InlineData("thanks for everything, see you at the consultation!")]
    public void Questions_about_the_treatment_figurative_uses_and_ordinary_goodbyes_stay_below_possible(string sentence)
    {
        Assert.True(_lexicon.Read(sentence).Score < Possible, $"\"{sentence}\" scored {_lexicon.Read(sentence).Score}");
    }

    [Fact]
    public void A_lethality_question_about_the_writers_own_pills_is_not_discounted_as_a_treatment_question()
    {
        Assert.True(_lexicon.Read("how many of my sleeping pills would it take to not wake up").Score >= Definite);
    }

    [Fact]
    public void Every_sentence_of_a_long_message_is_read()
    {
        var filler = string.Concat(Enumerable.Repeat("I have a question about the hours and the parking near the office. ", 60));
        var message = filler + "Also, I have written letters to my kids and I plan to end my life this weekend.";
        Assert.True(message.Length > 4000);

        Assert.True(_lexicon.Read(message).Score >= Definite);
        Assert.Equal(0f, _lexicon.Read(filler).Score);
    }

    [Fact]
    public void A_broken_lexicon_file_falls_back_to_the_embedded_copy()
    {
        File.WriteAllText(Path.Combine(_temp, "crisis-lexicon.json"), "{ not json");
        var warnings = new List<string>();

        var lexicon = CrisisLexicon.Load(new DirectoryContentSource(_temp), warnings);

        Assert.NotNull(lexicon);
        Assert.Contains(warnings, w => w.Contains("crisis-lexicon.json"));
        Assert.True(lexicon.Read("i want to end my life").Score >= Definite);
    }

    [Fact]
    public void Two_signals_agreeing_at_their_agreement_levels_make_a_definite_crisis()
    {
        var learned = new CrisisThresholds(Definite: 0.95f, Possible: 0.2f, NearMiss: 0.15f, MaxMeaningSentences: 3);
        var lexicon = new LexiconThresholds(Definite: 0.9f, Possible: 0.5f, AgreementLexicon: 0.5f, AgreementLearned: 0.4f);

        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.45f, 0.55f, learned, lexicon));
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.30f, 0.55f, learned, lexicon));
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.45f, 0.30f, learned, lexicon));
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.0f, 0.92f, learned, lexicon));
        Assert.Equal(CrisisTier.None, CrisisAssessor.TierOf(false, false, 0.1f, 0.1f, learned, lexicon));
        // Without a crisis model there is nothing to agree with: the lexicon answers on its own thresholds.
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, null, 0.55f, null, lexicon));
        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(true, false, null, 0f, null, lexicon));
    }

    [Fact]
    public void A_weak_lexicon_concept_with_a_learned_risk_just_short_of_definite_is_a_definite_crisis()
    {
        var learned = new CrisisThresholds(Definite: 0.98f, Possible: 0.2f, NearMiss: 0.15f, MaxMeaningSentences: 3);
        var lexicon = new LexiconThresholds(Definite: 1f, Possible: 0.4f, AgreementLexicon: 0.5f, AgreementLearned: 0.2f,
            StrongLearnedAgreementLexicon: 0.25f, StrongLearnedAgreementLearned: 0.9f);

        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.92f, 0.30f, learned, lexicon));
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.92f, 0.0f, learned, lexicon)); // no lexicon evidence
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.85f, 0.30f, learned, lexicon)); // learned not high enough
        // A model trained before the rule (no such thresholds in its file) never applies it.
        var older = lexicon with { StrongLearnedAgreementLexicon = 2f, StrongLearnedAgreementLearned = 2f };
        Assert.Equal(CrisisTier.Possible, CrisisAssessor.TierOf(false, false, 0.97f, 0.45f, learned, older));
    }

    [Fact]
    public void The_search_takes_the_strong_learned_agreement_only_within_the_false_alarm_budget()
    {
        var start = new CrisisThresholds(Definite: 0.98f, Possible: 0.2f, NearMiss: 0.15f, MaxMeaningSentences: 3);
        var lines = new List<SignalReadings>();
        // Crisis lines the first stage cannot reach: learned 0.93, one weak concept.
        for (var i = 0; i < 10; i++) lines.Add(new SignalReadings(true, false, 0.93f, 0.30f));
        // Ordinary lines: high learned risk without any lexicon evidence, and weak lexicon with low learned risk.
        for (var i = 0; i < 200; i++) lines.Add(new SignalReadings(false, false, i % 2 == 0 ? 0.95f : 0.1f, i % 2 == 0 ? 0f : 0.30f));

        var (_, chosen) = CrisisThresholdSearch.Choose(lines, start);

        Assert.Equal(CrisisTier.Definite, CrisisAssessor.TierOf(false, false, 0.93f, 0.30f, start with { Definite = 0.99f }, chosen));
        Assert.True(chosen.StrongLearnedAgreementLearned <= 0.93f && chosen.StrongLearnedAgreementLexicon <= 0.30f);
        Assert.True(chosen.StrongLearnedAgreementLexicon > 0f, "a line with no lexicon evidence never agrees");
    }

    [Fact]
    public void Sentences_split_at_their_ends_and_before_a_turn_word_without_a_regular_expression()
    {
        var parts = CrisisSentences.Split("i would never do it but i think about it. ok?\nbye", CrisisSentences.LexiconTurnWords).ToList();

        Assert.Equal(["i would never do it", "but i think about it.", "ok?", "bye"], parts);
        // A long run of spaces (a regular expression could backtrack on it) is one piece, read whole.
        Assert.Single(CrisisSentences.Split("a" + new string(' ', 50_000) + "b", CrisisSentences.LearnedTurnWords));
    }

    [Fact]
    public void A_chat_spelling_after_a_number_is_a_unit_not_slang()
    {
        Assert.Equal(0f, _lexicon.Read("how far is it, about 5 kms from my house?").Score);
        Assert.True(_lexicon.Read("ngl i wanna kms").Score >= Definite);
    }
}
