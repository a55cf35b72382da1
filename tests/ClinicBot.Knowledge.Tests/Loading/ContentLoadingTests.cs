using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Language.Loading;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Loading;

/// <summary>Content as data: copied to referencing projects, editable without code, and safe when broken.</summary>
public sealed class ContentLoadingTests : IDisposable
{
    private static readonly string ContentRoot = Path.Combine(AppContext.BaseDirectory, "Content");
    private readonly string _temp = Directory.CreateTempSubdirectory("clinicbot-content-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string CopyContent()
    {
        var target = Path.Combine(_temp, "Content");
        foreach (var file in Directory.EnumerateFiles(ContentRoot, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ContentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    [Fact]
    public void Content_files_are_copied_to_the_referencing_test_project_output()
    {
        Assert.True(File.Exists(Path.Combine(ContentRoot, "clinic.json")));
        Assert.True(File.Exists(Path.Combine(ContentRoot, "crisis.json")));
        Assert.True(File.Exists(Path.Combine(ContentRoot, "cards", "hours.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(ContentRoot, "topics"), "*.json"));

        var knowledge = ClinicKnowledge.LoadDefault();
        Assert.Empty(knowledge.LoadWarnings);
        Assert.StartsWith("folder", knowledge.ContentSource);
    }

    [Fact]
    public void A_new_section_file_is_answerable_without_code_changes()
    {
        var content = CopyContent();
        File.WriteAllText(Path.Combine(content, "topics", "what_to_expect.json"), """
            {
              "topic": "what_to_expect",
              "kind": "page",
              "pageQuote": "Our team will walk you through each step of your visit.",
              "answer": "From the clinic's page: \u201c{pageQuote}\u201d",
              "triggers": [ { "weight": 4, "phrases": [ "what to expect", "expect", "first visit" ] } ],
              "suggestions": [ "Book a free call" ]
            }
            """);

        var knowledge = ClinicKnowledge.Load(content);
        var answers = knowledge.Respond("what shoud i expect at my frist visit", KnowledgeFixture.TuesdayMorning);

        Assert.Empty(knowledge.LoadWarnings);
        Assert.Equal("what_to_expect", answers[0].Topic);
        Assert.Contains("walk you through each step", answers[0].Text);
    }

    [Fact]
    public void Edited_facts_flow_into_answers()
    {
        var content = CopyContent();
        var clinic = Path.Combine(content, "clinic.json");
        File.WriteAllText(clinic, File.ReadAllText(clinic).Replace("\"Friday\": { \"open\": \"9:00 AM\", \"close\": \"5:00 PM\" }",
            "\"Friday\": { \"open\": \"9:00 AM\", \"close\": \"5:00 PM\" }, \"Saturday\": { \"open\": \"10:00 AM\", \"close\": \"2:00 PM\" }"));

        var knowledge = ClinicKnowledge.Load(content);

        Assert.Contains("Sat: 10:00 AM – 2:00 PM", knowledge.Respond("hours?", KnowledgeFixture.TuesdayMorning)[0].Text);
        Assert.Contains("On Saturday the clinic is open 10:00 AM – 2:00 PM", knowledge.Respond("open saturday?", KnowledgeFixture.TuesdayMorning)[0].Text);
    }

    [Fact]
    public void Missing_content_folder_falls_back_to_embedded_content_and_crisis_still_works()
    {
        var knowledge = ClinicKnowledge.Load(Path.Combine(_temp, "does-not-exist"));

        Assert.NotEmpty(knowledge.LoadWarnings);
        Assert.Equal("embedded content", knowledge.ContentSource);
        Assert.True(knowledge.IsCrisis("i want to kill myself"));
        Assert.Equal(knowledge.CrisisReply, knowledge.Respond("i want to kill myself", KnowledgeFixture.TuesdayMorning)[0].Text);
        Assert.Equal(TopicNames.Hours, knowledge.Understand("what are your hours").PrimaryTopic);
    }

    [Fact]
    public void Broken_crisis_file_falls_back_to_the_embedded_crisis_rules()
    {
        var content = CopyContent();
        File.WriteAllText(Path.Combine(content, "crisis.json"), "{ this is not json");

        var knowledge = ClinicKnowledge.Load(content);

        Assert.Contains(knowledge.LoadWarnings, w => w.Contains("crisis.json"));
        Assert.True(knowledge.IsCrisis("nobody would even care if i was gone"));
        Assert.Contains("988", knowledge.CrisisReply);
        Assert.Equal(TopicNames.Fax, knowledge.Understand("fax number?").PrimaryTopic);
    }

    [Fact]
    public void Failing_storage_does_not_stop_the_crisis_detector()
    {
        var detector = CrisisDetector.Load(new FailingSource());

        Assert.Same(CrisisDetector.Embedded, detector);
        Assert.Equal(CrisisDetector.Explicit, detector.Detect("i want to die"));
        Assert.Null(detector.Detect("what are your hours"));
    }

    [Fact]
    public void A_broken_topic_file_is_reported_and_the_embedded_content_is_used()
    {
        var content = CopyContent();
        File.WriteAllText(Path.Combine(content, "topics", "fax.json"), """{ "topic": "fax" }""");

        var knowledge = ClinicKnowledge.Load(content);

        Assert.Contains(knowledge.LoadWarnings, w => w.Contains("fax.json"));
        Assert.Equal("217-531-4770", knowledge.Facts.Fax);
        Assert.Contains("217-531-4770", knowledge.Respond("fax?", KnowledgeFixture.TuesdayMorning)[0].Text);
    }

    private sealed class FailingSource : IContentSource
    {
        public string Description => "a store that is down";
        public string ReadText(string relativePath) => throw new IOException("storage unavailable");
        public IReadOnlyList<string> List(string folder, string extension) => throw new IOException("storage unavailable");
    }
}
