using ClinicBot.Knowledge;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Recognition;

/// <summary>
/// Wording that is NOT in dev.jsonl, per topic family: typos, slang, fragments, Spanish mixes, figurative
/// alarming words. The understanding must generalise from the topic lexicons, not from the dev lines.
/// </summary>
public sealed class TopicUnderstandingTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    [Theory]
    [InlineData("what exactly is a ketamine infusion", TopicNames.WhatIsKetamineTherapy)]
    [InlineData("que es la terapia de ketamina?", TopicNames.WhatIsKetamineTherapy)]
    [InlineData("ive tried like 5 antidepressants and nothing worked, could this be an option", TopicNames.WhatIsKetamineTherapy)]
    [InlineData("wat is treatmnt resistant depresion", TopicNames.WhatIsKetamineTherapy)]
    [InlineData("how does it interact with glutamate receptors", TopicNames.MechanismNmda)]
    [InlineData("nmda blocker?? explain pls", TopicNames.MechanismNmda)]
    [InlineData("does it make the brain form new synapses", TopicNames.MechanismPlasticity)]
    [InlineData("heard it helps neuroplasticity", TopicNames.MechanismPlasticity)]
    [InlineData("what role does bdnf play", TopicNames.MechanismBdnf)]
    [InlineData("something about neurotrophic stuff?", TopicNames.MechanismBdnf)]
    [InlineData("how soon will i feel a difference", TopicNames.OnsetSpeed)]
    [InlineData("que tan rapido funciona", TopicNames.OnsetSpeed)]
    [InlineData("this depression is killing me, does it work quicker than pills", TopicNames.OnsetSpeed)]
    [InlineData("do i keep my therapist or does this replace therapy", TopicNames.ComprehensivePlan)]
    [InlineData("do the effects wear off eventually", TopicNames.PermanenceMaintenance)]
    [InlineData("is it a cure", TopicNames.PermanenceMaintenance)]
    [InlineData("will a doctor evaluate me first", TopicNames.ConsultProfessional)]
    [InlineData("when do yall close on fridays", TopicNames.Hours)]
    [InlineData("horario?", TopicNames.Hours)]
    [InlineData("wat r ur hors", TopicNames.Hours)]
    [InlineData("r u guys open rn", TopicNames.OpenNow)]
    [InlineData("estan abiertos hoy?", TopicNames.OpenNow)]
    [InlineData("open on christmas eve?", TopicNames.OpenNow)]
    [InlineData("can i come in at 6pm", TopicNames.OpenNow)]
    [InlineData("whats ur adress", TopicNames.LocationAddress)]
    [InlineData("donde estan ubicados", TopicNames.LocationAddress)]
    [InlineData("is there somewhere to park my car", TopicNames.DirectionsParkingSuite)]
    [InlineData("which door do i use, what suite number", TopicNames.DirectionsParkingSuite)]
    [InlineData("phone #?", TopicNames.PhoneContact)]
    [InlineData("cual es su numero de telefono", TopicNames.PhoneContact)]
    [InlineData("fax num for referrals", TopicNames.Fax)]
    [InlineData("quiero agendar una cita", TopicNames.BookCall)]
    [InlineData("i want to talk to an actual human", TopicNames.BookCall)]
    [InlineData("how much is it", TopicNames.OutOfScope)]
    [InlineData("do u take aetna", TopicNames.OutOfScope)]
    [InlineData("is esketamine the same thing", TopicNames.OutOfScope)]
    [InlineData("can it help with my chronic pain", TopicNames.OutOfScope)]
    [InlineData("what's the capital of france", TopicNames.OutOfScope)]
    [InlineData("heyyy", TopicNames.Greeting)]
    [InlineData("buenos dias", TopicNames.Greeting)]
    [InlineData("muchas gracias!!", TopicNames.ThanksGoodbye)]
    [InlineData("what r my options here", TopicNames.Help)]
    public void Recognises_the_primary_topic(string text, string expected)
    {
        var understanding = _knowledge.Understand(text);

        Assert.False(understanding.IsCrisis);
        Assert.Equal(expected, understanding.PrimaryTopic);
    }

    [Theory]
    [InlineData("where r u and are u open sat", TopicNames.LocationAddress, TopicNames.OpenNow)]
    [InlineData("how much does it cost and how fast does it work", TopicNames.OutOfScope, TopicNames.OnsetSpeed)]
    [InlineData("whats the fax and the phone number", TopicNames.Fax, TopicNames.PhoneContact)]
    [InlineData("how many maintenance sessions will i need", TopicNames.PermanenceMaintenance, TopicNames.OutOfScope)]
    [InlineData("is it safe with my lexapro", TopicNames.OutOfScope, TopicNames.ConsultProfessional)]
    public void Answers_two_questions_primary_first(string text, string primary, string secondary)
    {
        var understanding = _knowledge.Understand(text);

        Assert.Equal(primary, understanding.PrimaryTopic);
        Assert.Contains(secondary, understanding.Topics.Skip(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("asdkjh qwpoeiru zzzz")]
    [InlineData("🙂🙂🙂")]
    public void Unknown_or_empty_messages_are_out_of_scope_and_still_answered(string text)
    {
        var understanding = _knowledge.Understand(text);
        var answers = _knowledge.Answer(understanding, KnowledgeFixture.TuesdayMorning);

        Assert.Equal(TopicNames.OutOfScope, understanding.PrimaryTopic);
        Assert.Contains("832-899-4065", Assert.Single(answers).Text);
    }

    [Fact]
    public void A_focus_phrase_marks_the_real_question_in_a_rambling_message()
    {
        var text = "my psychiatrist keeps upping my dose and my wife thinks i should try something new, anyway my question is how fast does ketamine kick in";

        Assert.Equal(TopicNames.OnsetSpeed, _knowledge.Understand(text).PrimaryTopic);
    }

    [Fact]
    public void Very_long_rambling_message_is_understood()
    {
        var text = string.Concat(Enumerable.Repeat("so my week has been long and work is busy and ", 40)) + "what are your hours";

        Assert.Equal(TopicNames.Hours, _knowledge.Understand(text).PrimaryTopic);
    }
}
