using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge;
using Xunit.Abstractions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Grounding;

/// <summary>Every fact in every answer comes from the content files (or echoes the user's own words).</summary>
public sealed partial class GroundingTests(KnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    private static readonly string[] ExtraMessages =
    [
        "where r u and are u open sat", "are you open at 7pm", "open saturday at 10am?", "what are your hours",
        "how much does it cost", "how many maintenance sessions will i need", "is it safe with my lexapro",
        "whats the fax and the phone number", "which suite, and where do i park", "are you open on christmas",
        "book a call", "help", "hola", "gracias", "what is bdnf", "when do you open next", "are you open tomorrow",
    ];

    private static readonly DateTimeOffset[] Moments =
    [
        KnowledgeFixture.TuesdayMorning,
        new(2026, 6, 19, 17, 30, 0, TimeSpan.FromHours(-5)), // Friday evening
        new(2026, 12, 26, 11, 0, 0, TimeSpan.FromHours(-6)), // Saturday in winter (CST)
    ];

    private static IEnumerable<string> Messages() => DevSet.Lines.Select(l => l.Text).Concat(ExtraMessages).Concat(TriggerPhrases());

    /// <summary>Every topic's trigger phrases, so the cases do not depend on shared/eval being present.</summary>
    private static IEnumerable<string> TriggerPhrases() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Content", "topics"), "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement)
            .SelectMany(topic => topic.TryGetProperty("triggers", out var triggers) ? triggers.EnumerateArray() : [])
            .SelectMany(group => group.GetProperty("phrases").EnumerateArray().Select(phrase => phrase.GetString()!))
            .Distinct();

    private static string AllContent()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Content");
        return string.Join('\n', Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText));
    }

    [Fact]
    public void Every_number_in_any_answer_appears_in_the_content_files_or_the_message()
    {
        var content = AllContent();
        var checkedAnswers = 0;
        foreach (var message in Messages())
        foreach (var now in Moments)
        foreach (var answer in _knowledge.Respond(message, now))
        {
            checkedAnswers++;
            var messageNumbers = Number().Matches(message).Select(m => m.Value).ToHashSet();
            foreach (var text in new[] { answer.Text, answer.AdaptiveCardJson ?? "" })
            {
                var withoutLinks = Link().Replace(text, " ");
                foreach (var number in Number().Matches(withoutLinks).Select(m => m.Value))
                {
                    var echoed = messageNumbers.Contains(number) || messageNumbers.Contains(number.Replace(":00", ""));
                    Assert.True(content.Contains(number) || echoed, $"'{number}' in the answer to '{message}' is not in the content: {text}");
                }
                Assert.DoesNotContain("FDA", text);
                Assert.DoesNotMatch(Dose(), text);
                Assert.DoesNotMatch(UnfilledPlaceholder(), text);
            }
        }
        output.WriteLine($"checked {checkedAnswers} answers");
        Assert.True(checkedAnswers > 400);
    }

    [Fact]
    public void Location_answer_has_suite_map_link_and_tel_link()
    {
        var answer = Assert.Single(_knowledge.Respond("where are you located", KnowledgeFixture.TuesdayMorning));

        Assert.Contains("136 Eldridge Road, Suite A, Sugar Land, TX 77478", answer.Text);
        Assert.Contains("https://www.google.com/maps/search/?api=1&query=136%20Eldridge%20Road%2C%20Suite%20A%2C%20Sugar%20Land%2C%20TX%2077478", answer.Text);
        Assert.Contains("tel:+18328994065", answer.Text);
        using var card = JsonDocument.Parse(answer.AdaptiveCardJson!);
        Assert.Equal("1.5", card.RootElement.GetProperty("version").GetString());
        var urls = card.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Contains(_knowledge.Facts.MapUrl, urls);
        Assert.Contains(_knowledge.Facts.TelUrl, urls);
    }

    [Fact]
    public void Parking_answer_admits_the_page_has_nothing_on_parking_and_gives_suite_a()
    {
        var answer = _knowledge.Respond("is there parking", KnowledgeFixture.TuesdayMorning)[0];

        Assert.Equal(TopicNames.DirectionsParkingSuite, answer.Topic);
        Assert.Contains("Suite A", answer.Text);
        Assert.Contains("doesn't say anything about parking", answer.Text);
    }

    [Theory]
    [InlineData("what dose do you use", "can't give medical advice")]
    [InlineData("can i stop my lexapro before starting", "can't give medical advice")]
    [InlineData("is ketamine fda approved for depression", "doesn't cover that")]
    [InlineData("do you take insurance", "doesn't list prices, insurance")]
    public void Out_of_scope_answers_defer_to_the_free_call_and_refuse_advice_only_where_advice_was_asked(string message, string expected)
    {
        var answer = _knowledge.Respond(message, KnowledgeFixture.TuesdayMorning)[0];

        Assert.Equal(TopicNames.OutOfScope, answer.Topic);
        Assert.Contains(expected, answer.Text);
        Assert.Contains("832-899-4065", answer.Text);
        Assert.Contains("free call", answer.Text);
        Assert.DoesNotContain("FDA-approved", answer.Text);
        if (!expected.Contains("medical advice", StringComparison.Ordinal)) Assert.DoesNotContain("medical advice", answer.Text);
    }

    [Fact]
    public void Partially_answered_question_gets_the_page_answer_then_the_limit()
    {
        var answers = _knowledge.Respond("how many maintenance sessions will i need", KnowledgeFixture.TuesdayMorning);

        Assert.Equal([TopicNames.PermanenceMaintenance, TopicNames.OutOfScope], answers.Select(a => a.Topic));
        Assert.Contains("ongoing maintenance sessions may be required", answers[0].Text);
        Assert.Contains("doesn't go further than that", answers[1].Text);
    }

    [Fact]
    public void Page_answers_quote_the_clinic_page_verbatim()
    {
        var page = ClinicPage.Text;
        var pageTopics = new[]
        {
            TopicNames.WhatIsKetamineTherapy, TopicNames.MechanismNmda, TopicNames.MechanismPlasticity, TopicNames.MechanismBdnf,
            TopicNames.OnsetSpeed, TopicNames.ComprehensivePlan, TopicNames.PermanenceMaintenance, TopicNames.ConsultProfessional,
        };
        foreach (var topic in pageTopics)
        {
            var answer = _knowledge.Answer(new Understanding([topic], false, null), KnowledgeFixture.TuesdayMorning).Single();
            var quote = QuotedText().Match(answer.Text);
            Assert.True(quote.Success, $"{topic} answer quotes nothing");
            Assert.Contains(quote.Groups[1].Value, page);
            Assert.Contains("clinic's page", answer.Text);
        }
    }

    [Fact]
    public void Every_suggested_action_is_itself_understood()
    {
        var suggestions = TopicNames.All
            .Where(t => t != TopicNames.Crisis)
            .SelectMany(t => _knowledge.Answer(new Understanding([t], false, null), KnowledgeFixture.TuesdayMorning))
            .SelectMany(a => a.SuggestedActions)
            .Concat(_knowledge.Welcome().SuggestedActions)
            .Distinct()
            .ToList();

        Assert.NotEmpty(suggestions);
        foreach (var suggestion in suggestions)
        {
            var understanding = _knowledge.Understand(suggestion);
            Assert.True(understanding.Evidence >= Understanding.ConfidentEvidence && understanding.PrimaryTopic != TopicNames.OutOfScope,
                $"suggestion '{suggestion}' is understood as {understanding.PrimaryTopic} ({understanding.Evidence})");
        }
    }

    [Fact]
    public void Welcome_offers_how_it_works_hours_and_location_and_the_free_call()
    {
        var welcome = _knowledge.Welcome();

        Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", welcome.Text);
        Assert.Equal(3, welcome.SuggestedActions.Count);
        Assert.Equal(TopicNames.BookCall, _knowledge.Understand(welcome.SuggestedActions[2]).PrimaryTopic);
    }

    [GeneratedRegex(@"\d[\d:,.-]*\d|\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"(https?://|tel:)\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\d\s*(mg|milligram|ml)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dose();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex UnfilledPlaceholder();

    [GeneratedRegex("\u201C([^\u201D]+)\u201D")]
    private static partial Regex QuotedText();
}
