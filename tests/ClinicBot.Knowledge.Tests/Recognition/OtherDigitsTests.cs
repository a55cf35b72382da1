using ClinicBot.Knowledge;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Recognition;

/// <summary>Digits of other scripts ("٣pm") are not clock times, and a message with them is still understood.</summary>
public sealed class OtherDigitsTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    [Theory]
    [InlineData("are you open at ٣pm?")]
    [InlineData("are you open at ٣:٣٠")]
    [InlineData("open saturday at ١٠ am")]
    [InlineData("are you open till ٧")]
    public void A_question_with_other_digits_is_understood_without_a_time(string message)
    {
        var understanding = _knowledge.Understand(message);

        Assert.Equal(TopicNames.OpenNow, understanding.PrimaryTopic);
        Assert.Null(understanding.Moment?.Time);
        Assert.NotEmpty(_knowledge.Answer(understanding, KnowledgeFixture.TuesdayMorning));
    }

    [Fact]
    public void The_same_question_with_ascii_digits_names_the_time()
    {
        Assert.Equal(new TimeOnly(15, 0), _knowledge.Understand("are you open at 3pm?").Moment?.Time);
    }
}
