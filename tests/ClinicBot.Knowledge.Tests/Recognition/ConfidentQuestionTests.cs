using ClinicBot.Knowledge;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Recognition;

/// <summary>For interruptions in the booking dialog: questions yes, answers to the booking prompts no.</summary>
public sealed class ConfidentQuestionTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    [Theory]
    [InlineData("wait what are your hours again?", TopicNames.Hours)]
    [InlineData("where is the clinic btw?", TopicNames.LocationAddress)]
    [InlineData("how fast does it work", TopicNames.OnsetSpeed)]
    [InlineData("do you take insurance", TopicNames.OutOfScope)]
    [InlineData("whats the fax", TopicNames.Fax)]
    public void Questions_are_confident(string text, string topic)
    {
        Assert.True(_knowledge.IsConfidentQuestion(text, out var understanding));
        Assert.Equal(topic, understanding.PrimaryTopic);
    }

    [Theory]
    [InlineData("Maria Delgado")]
    [InlineData("tuesday morning")]
    [InlineData("832-555-0142")]
    [InlineData("my number is 281 555 0156")]
    [InlineData("maria.delgado@example.com")]
    [InlineData("skip")]
    [InlineData("yes")]
    [InlineData("si")]
    [InlineData("no email")]
    [InlineData("saturday?")]
    [InlineData("8am before work?")]
    [InlineData("any weekday after 2pm")]
    [InlineData("thursday at 11")]
    [InlineData("can you call me at 7pm? i work until 6")]
    [InlineData("cancel")]
    [InlineData("thanks")]
    [InlineData("i want to die")]
    public void Booking_answers_and_crisis_are_not_confident_questions(string text)
    {
        Assert.False(_knowledge.IsConfidentQuestion(text, out _));
    }
}
