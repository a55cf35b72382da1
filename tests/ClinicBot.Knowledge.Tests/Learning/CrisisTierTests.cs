using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety;

namespace ClinicBot.Tests.Knowledge.Learning;

/// <summary>The tiered crisis check and its fixed texts, on the knowledge as the app loads it (learned signals included).</summary>
public sealed class CrisisTierTests(LearnedKnowledgeFixture fixture) : IClassFixture<LearnedKnowledgeFixture>
{
    private ClinicKnowledge Knowledge => fixture.Knowledge;
    private CrisisTexts Texts => Knowledge.CrisisTexts;

    // The reviewed wording, pinned: a change to any of these texts must be a deliberate, reviewed change here too.
    private const string Reply = "I'm really sorry you're going through this, and I'm glad you told me. Your safety matters most right now.\n\n- If you are in immediate danger, call 911.\n- Call or text 988, or chat at 988lifeline.org (Suicide & Crisis Lifeline). It's free, confidential and open 24/7.\n- Text HOME to 741741 (Crisis Text Line).\n\nI'm an automated assistant, and the clinic can't provide emergency care. I'm still here if you want to keep talking.";
    private const string ReplyOther = "I'm really glad you reached out for them. If they are in immediate danger, call 911 now.\n\n- Call or text 988, or chat at 988lifeline.org (Suicide & Crisis Lifeline). It's free and open 24/7, and it also helps people who are worried about someone else.\n- If you can do it safely, stay with them, and keep anything they could use to hurt themselves out of reach.\n- Text HOME to 741741 (Crisis Text Line).\n\nI'm an automated assistant, and the clinic can't provide emergency care. I'm still here if you want to keep talking.";
    private const string ReplySpanish = "Siento mucho que estés pasando por esto, y me alegra que me lo hayas dicho. Tu seguridad es lo más importante ahora.\n\n- Si tú o la persona que te preocupa están en peligro inmediato, llama al 911.\n- Llama al 988 y marca 2 para hablar en español, o envía un mensaje de texto con la palabra AYUDA al 988 (Línea de Prevención del Suicidio y Crisis). Es gratis, confidencial y está disponible las 24 horas.\n\nSoy un asistente automático y la clínica no puede dar atención de emergencia. Sigo aquí si quieres seguir hablando.";
    private const string CheckIn = "One more thing, just in case: if you're going through a really hard time or having thoughts of ending your life, you can call or text 988 any time (Suicide & Crisis Lifeline, free and open 24/7), or text HOME to 741741. If you're in immediate danger, call 911.";
    private const string CheckInSpanish = "Una cosa más, por si acaso: si estás pasando por un momento muy difícil o tienes pensamientos de quitarte la vida, llama al 988 y marca 2, o envía AYUDA por mensaje de texto al 988 (gratis, las 24 horas). Si estás en peligro inmediato, llama al 911.";

    [Fact]
    public void The_fixed_texts_read_as_reviewed()
    {
        Assert.Equal(Reply, Texts.Reply);
        Assert.Equal(ReplyOther, Texts.ReplyOther);
        Assert.Equal(ReplySpanish, Texts.ReplySpanish);
        Assert.Equal(CheckIn, Texts.CheckIn);
        Assert.Equal(CheckInSpanish, Texts.CheckInSpanish);
        Assert.Equal(new[] { "I'm sorry it feels this heavy right now. You don't have to carry it alone: you can call or text 988 any time, or text HOME to 741741. I'm still here.", "Thank you for telling me. It makes sense to feel worn down when things are this hard. If you'd like to talk with a person, 988 is free and open 24/7, by call or text. If you're in immediate danger, call 911.", "What you're feeling matters, and so do you. If calling feels like too much, texting works too: text 988, or HOME to 741741, or chat at 988lifeline.org. I'm here if you want to keep writing.", "That sounds really hard. Reaching out, even a little, is a strong step. 988 (call or text) is there day and night, and 911 if you're in danger right now." }, Texts.Supportive);
        Assert.Equal(new[] { "Siento mucho que esto se sienta tan pesado. No tienes que cargarlo solo: llama al 988 y marca 2, o envía AYUDA por mensaje de texto al 988, a cualquier hora. Sigo aquí.", "Gracias por contármelo. Lo que sientes importa, y tú también. Si estás en peligro inmediato, llama al 911; el 988 (marca 2) está disponible las 24 horas." }, Texts.SupportiveSpanish);
    }

    [Fact]
    public void Every_fixed_text_gives_988_and_none_gives_method_details_or_the_clinic_as_emergency_care()
    {
        foreach (var text in new[] { Texts.Reply, Texts.ReplyOther, Texts.ReplySpanish, Texts.CheckIn, Texts.CheckInSpanish, Texts.SupportiveGoodbye, Texts.SupportiveGoodbyeSpanish }
                     .Concat(Texts.Supportive).Concat(Texts.SupportiveSpanish))
        {
            Assert.Contains("988", text);
            Assert.DoesNotContain("commit", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("FDA", text);
        }
        foreach (var reply in new[] { Texts.Reply, Texts.ReplyOther, Texts.ReplySpanish })
        {
            Assert.Contains("911", reply);
        }
        Assert.Contains("741741", Texts.Reply);
        Assert.Contains("988lifeline.org", Texts.Reply);
        Assert.Contains("automated assistant", Texts.Reply);
        Assert.Contains("worried about someone else", Texts.ReplyOther);
        Assert.Contains("stay with them", Texts.ReplyOther);
        Assert.Contains("marca 2", Texts.ReplySpanish);
        Assert.Contains("AYUDA al 988", Texts.ReplySpanish);
    }

    [Fact]
    public void An_explicit_statement_is_a_definite_crisis_with_the_fixed_reply_alone()
    {
        var understanding = Knowledge.Understand("i want to kill myself");

        Assert.True(understanding.IsCrisis);
        Assert.Equal(Reply, Assert.Single(Knowledge.Answer(understanding, LearnedKnowledgeFixture.TuesdayMorning)).Text);
    }

    [Fact]
    public void The_crisis_lexicon_is_one_of_the_signals_of_the_check()
    {
        var assessment = Knowledge.AssessCrisis("i gave my guitar to my cousin and wrote letters to my kids. goodbye forever");

        Assert.True(assessment.IsDefinite);
        Assert.Contains(CrisisAssessor.LexiconSignal, assessment.Signals);
        Assert.Equal(Reply, Texts.ReplyFor(assessment));
    }

    [Fact]
    public void Someone_worried_about_another_person_gets_the_reply_for_them()
    {
        var assessment = Knowledge.AssessCrisis("my son told me he wants to kill himself and i dont know what to do");

        Assert.True(assessment.IsDefinite);
        Assert.Equal(CrisisSpeaker.Other, assessment.Speaker);
        Assert.Equal(ReplyOther, Texts.ReplyFor(assessment));
    }

    [Fact]
    public void Spanish_crisis_language_gets_the_spanish_reply()
    {
        var assessment = Knowledge.AssessCrisis("ya no quiero vivir, quiero morirme");

        Assert.True(assessment.IsDefinite);
        Assert.True(assessment.Spanish);
        Assert.Equal(ReplySpanish, Texts.ReplyFor(assessment));
    }

    [Fact]
    public void A_crisis_sentence_at_the_end_of_a_very_long_message_is_found()
    {
        var filler = string.Concat(Enumerable.Repeat("I have been reading about infusions and wondering about the schedule and the address. ", 40));
        Assert.True(filler.Length > 3000);

        Assert.True(Knowledge.AssessCrisis(filler + "Honestly I have decided to end my life this weekend.").IsDefinite);
        Assert.False(Knowledge.AssessCrisis(filler).IsDefinite);
    }

    [Theory]
    [InlineData("im dying to know your hours")]
    [InlineData("my commute is killing me, where do i park")]
    [InlineData("can i cancel my appointment on thursday")]
    public void Figurative_and_ordinary_uses_are_not_a_definite_crisis(string text)
    {
        Assert.False(Knowledge.AssessCrisis(text).IsDefinite);
    }

    [Fact]
    public void A_possible_crisis_answers_the_question_then_checks_in_last()
    {
        var possible = new CrisisAssessment(CrisisTier.Possible, null, CrisisSpeaker.Self, false, [CrisisAssessor.NgramSignal]);
        var understanding = new Understanding([TopicNames.Hours, TopicNames.Crisis], false, null) { Crisis = possible };

        var answers = Knowledge.Answer(understanding, LearnedKnowledgeFixture.TuesdayMorning);

        Assert.Equal(TopicNames.Hours, answers[0].Topic);
        Assert.Equal(CheckIn, answers[^1].Text);
        Assert.Empty(answers[0].SuggestedActions);
    }

    [Fact]
    public void The_learned_word_signal_works_without_the_sentence_model()
    {
        var withoutModel = ClinicKnowledge.LoadDefault();

        Assert.NotEqual(CrisisTier.None, withoutModel.AssessCrisis("been cutting again lately dont bother giving me numbers").Tier);
    }

    [Theory]
    [InlineData("im safe now, thank you", true)]
    [InlineData("estoy bien, gracias", true)]
    [InlineData("im not safe", false)]
    public void Saying_one_is_safe_is_recognised(string text, bool safe)
    {
        Assert.Equal(safe, Knowledge.SaysSafe(text));
    }
}
