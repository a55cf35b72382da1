using System.Text.Json.Nodes;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Learning;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Learning;

public sealed class TopicModelTests(LearnedKnowledgeFixture fixture) : IClassFixture<LearnedKnowledgeFixture>
{
    private ClinicKnowledge Knowledge => fixture.Knowledge;

    [Fact]
    public void The_shipped_models_load_and_decide_topics()
    {
        Assert.True(Knowledge.HasTopicModel);
        Assert.DoesNotContain(Knowledge.LoadWarnings, warning => warning.Contains("model", StringComparison.OrdinalIgnoreCase));
        var understanding = Knowledge.Understand("what time do you open on monday");
        Assert.NotNull(understanding.Confidence);
        Assert.Equal(3, understanding.Likeliest.Count);
    }

    public static TheoryData<string, string> ClarifyButtons()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Content", "topics"), "*.json").Order(StringComparer.Ordinal))
        {
            var topic = JsonNode.Parse(File.ReadAllText(file))!;
            if ((string?)topic["clarifyButton"] is { } button) data.Add((string)topic["topic"]!, button);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ClarifyButtons))]
    public void Every_clarifying_button_is_understood_as_its_own_topic(string topic, string button)
    {
        var understanding = Knowledge.Understand(button);

        Assert.Equal(topic, understanding.PrimaryTopic);
        Assert.Equal(AnswerBand.Answer, understanding.Band);
    }

    [Fact]
    public void An_unsure_understanding_asks_which_topic_with_the_likeliest_as_buttons()
    {
        var unsure = new Understanding([TopicNames.OnsetSpeed, TopicNames.PermanenceMaintenance, TopicNames.Hours], false, null)
        {
            Band = AnswerBand.Clarify,
            Confidence = 0.3f,
            Likeliest = [new(TopicNames.OnsetSpeed, 0.3f), new(TopicNames.PermanenceMaintenance, 0.25f), new(TopicNames.Hours, 0.2f)],
        };

        var answer = Assert.Single(Knowledge.Answer(unsure, LearnedKnowledgeFixture.TuesdayMorning));

        Assert.Contains("Did you mean", answer.Text);
        Assert.Equal(["How fast does it work?", "Are the effects permanent?", "What are your opening hours?"], answer.SuggestedActions);
    }

    [Theory]
    [InlineData("please don't call me, i just want to know where you are")]
    [InlineData("not looking to book anything, just questions about how it works")]
    [InlineData("i'm not trying to book, how does it work")]
    public void A_negated_booking_request_does_not_start_a_booking(string text)
    {
        Assert.DoesNotContain(TopicNames.BookCall, Knowledge.Understand(text).Topics);
    }

    [Fact]
    public void Parking_is_answered_with_a_card_whose_visible_text_says_the_page_has_nothing_on_parking()
    {
        var answer = Knowledge.Respond("is there parking", LearnedKnowledgeFixture.TuesdayMorning)[0];

        Assert.Equal(TopicNames.DirectionsParkingSuite, answer.Topic);
        Assert.NotNull(answer.AdaptiveCardJson);
        Assert.Contains("parking", answer.CardCaption);
    }

    [Theory]
    [InlineData("", "whenever you're ready")]
    [InlineData("🙂🙂", "whenever you're ready")]
    [InlineData("how much does a session cost and do you take insurance", "prices")]
    [InlineData("tell me a joke", "automated assistant")]
    public void Off_page_messages_get_a_reply_that_fits_them_without_a_medical_advice_refusal(string text, string expected)
    {
        var answer = Knowledge.Respond(text, LearnedKnowledgeFixture.TuesdayMorning)[0];

        Assert.Equal(TopicNames.OutOfScope, answer.Topic);
        Assert.Contains(expected, answer.Text);
        Assert.DoesNotContain("medical advice", answer.Text);
    }

    [Fact]
    public void A_personal_medication_question_gets_the_medical_advice_deferral_with_the_clinic_phone()
    {
        var answers = Knowledge.Respond("is it safe for me to do ketamine with my lithium", LearnedKnowledgeFixture.TuesdayMorning);

        var answer = Assert.Single(answers, a => a.Topic == TopicNames.OutOfScope);
        Assert.Contains("can't give medical advice", answer.Text);
        Assert.Contains(Knowledge.Facts.Phone, answer.Text);
    }

    [Fact]
    public async Task Retraining_on_the_corpus_reproduces_the_shipped_model()
    {
        var root = RepositoryRoot.Path;
        var shipped = ClinicBot.Language.Loading.ContentJson.Read<TopicModelDocument>(
            new ClinicBot.Language.Loading.DirectoryContentSource(Path.Combine(root, "src", "ClinicBot.Knowledge", "Content")), "model/topic-model.json");
        var lexicon = ClinicKnowledge.Load(Path.Combine(root, "src", "ClinicBot.Knowledge", "Content"));
        var corpus = TopicCorpus.Read(Path.Combine(root, "src", "ClinicBot.Knowledge", "Corpus"));
        var embeddings = await ClinicBot.Embeddings.SentenceEmbedder.Shared.EncodeAllAsync(corpus.Select(m => m.Text).ToList());
        var prepared = corpus.Select((m, i) => new PreparedMessage(m, embeddings[i], lexicon.MatchTriggers(m.Text))).ToList();

        var retrained = TopicModelTrainer.Train(TopicModelTrainer.ClassesOf(corpus), prepared, shipped.Features, shipped.Bands, shipped.Training).ToDocument(shipped.TrainedOn);

        Assert.Equal(shipped.Classes, retrained.Classes);
        var largest = 0f;
        for (var c = 0; c < shipped.Weights.Count; c++)
        {
            var a = ClinicBot.Language.Classification.SoftmaxModel.RowFromBase64(shipped.Weights[c]);
            var b = ClinicBot.Language.Classification.SoftmaxModel.RowFromBase64(retrained.Weights[c]);
            Assert.Equal(a.Length, b.Length);
            for (var i = 0; i < a.Length; i++) largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        }
        Assert.True(largest < 1e-3f, $"retrained weights differ from the shipped ones by up to {largest}: run tools/ClinicBot.Train topics");
    }
}
