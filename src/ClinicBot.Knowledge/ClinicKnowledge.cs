using ClinicBot.Knowledge.Answers;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Templates;

namespace ClinicBot.Knowledge;

/// <summary>
/// The clinic's knowledge: understands a message (topics, crisis) and answers it from the content files.
/// Immutable after loading and thread-safe: register one instance as a singleton.
/// </summary>
public sealed class ClinicKnowledge
{
    private static readonly HashSet<string> NotInterruptions = new(StringComparer.Ordinal)
    {
        TopicNames.Greeting, TopicNames.ThanksGoodbye, TopicNames.BookCall, TopicNames.Help,
    };

    private readonly KnowledgeParts _parts;
    private readonly CrisisDetector _crisis;
    private readonly AnswerComposer _composer;

    private ClinicKnowledge(KnowledgeParts parts, CrisisDetector crisis, string source, IReadOnlyList<string> warnings)
    {
        _parts = parts;
        _crisis = crisis;
        ContentSource = source;
        LoadWarnings = warnings;
        var crisisAnswer = new Answer(TopicNames.Crisis, crisis.Reply, null, crisis.Suggestions);
        _composer = new AnswerComposer(parts.Topics, parts.Facts, parts.HoursCard, parts.LocationCard, crisisAnswer);
    }

    /// <summary>
    /// Loads the content from <paramref name="contentDirectory"/>. If the folder is missing or a file is broken,
    /// the content embedded in the assembly is used instead and <see cref="LoadWarnings"/> says why; the crisis
    /// detector falls back on its own, so crisis handling never depends on the files.
    /// </summary>
    public static ClinicKnowledge Load(string contentDirectory)
    {
        var warnings = new List<string>();
        var directory = new DirectoryContentSource(contentDirectory);
        var crisis = CrisisDetector.Load(directory, warnings);
        var parts = ContentWithFallback.Load(directory, KnowledgeContent.Embedded, KnowledgeLoader.Load, warnings, out var used);
        return new ClinicKnowledge(parts, crisis, used.Description, warnings);
    }

    /// <summary>Loads the content copied next to the application, under Content/.</summary>
    public static ClinicKnowledge LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "Content"));

    /// <summary>Loads from any source (no fallback for the topics; the crisis detector still falls back).</summary>
    public static ClinicKnowledge Load(IContentSource source)
    {
        var warnings = new List<string>();
        var crisis = CrisisDetector.Load(source, warnings);
        return new ClinicKnowledge(KnowledgeLoader.Load(source), crisis, source.Description, warnings);
    }

    public ClinicFacts Facts => _parts.Facts;

    public string CrisisReply => _crisis.Reply;

    /// <summary>
    /// Fills the clinic's fact placeholders ("{Phone}", "{Fax}", "{HoursSummary}", "{AddressFull}", …) of a text
    /// kept outside this content (the app's own messages), so every text takes the facts from clinic.json.
    /// </summary>
    public string FillFacts(string template) => Placeholders.Fill(template, _composer.FactPlaceholders);

    /// <summary>
    /// Completes when the crisis patterns run compiled (built in the background after loading; until then the
    /// same patterns run interpreted, with the same verdicts, only slower).
    /// </summary>
    public Task CrisisPatternsCompiled => _crisis.PatternsCompiled;

    /// <summary>Where the content came from ("folder …" or "embedded content").</summary>
    public string ContentSource { get; }

    /// <summary>Why a fallback was used while loading; empty when all content files were used.</summary>
    public IReadOnlyList<string> LoadWarnings { get; }

    /// <summary>Cheap crisis check (regular expressions over the text, no I/O).</summary>
    public bool IsCrisis(string? text) => _crisis.IsCrisis(text);

    /// <summary>The crisis check alone, for a caller that answers crisis first and may understand the text after.</summary>
    public CrisisCheck CheckCrisis(string? text) => new(text, _crisis.Detect(text));

    public Understanding Understand(string? text) => Understand(CheckCrisis(text), out _);

    /// <summary>Understands a message whose crisis check is already done.</summary>
    public Understanding Understand(CrisisCheck checkedText) => Understand(checkedText, out _);

    private Understanding Understand(CrisisCheck checkedText, out bool hasContactDetails)
    {
        hasContactDetails = false;
        var text = checkedText.Text;
        if (string.IsNullOrWhiteSpace(text)) return new Understanding([TopicNames.OutOfScope], false, null);

        var severity = checkedText.Severity;
        var analyzed = _parts.Analyzer.Analyze(text);
        hasContactDetails = analyzed.HasContactDetails;
        var (topics, evidence) = _parts.Classifier.Classify(analyzed);
        if (severity is not null)
        {
            topics.Remove(TopicNames.Crisis);
            if (evidence == 0) topics.Clear();
            topics.Insert(0, TopicNames.Crisis);
            evidence = int.MaxValue;
        }
        var moment = topics.Contains(TopicNames.OpenNow) || topics.Contains(TopicNames.Hours) ? _parts.Moments.Read(analyzed) : null;
        return new Understanding(topics, severity is not null, severity, evidence) { Moment = moment };
    }

    /// <summary>Which trigger phrases matched, for tuning the content ("topic:phrase(weight)@position").</summary>
    public IReadOnlyList<string> ExplainMatches(string text)
    {
        var analyzed = _parts.Analyzer.Analyze(text);
        return _parts.Classifier.Explain(analyzed);
    }

    public IReadOnlyList<Answer> Answer(Understanding understanding, DateTimeOffset now) => _composer.Compose(understanding, now);

    /// <summary>Understand and answer in one call.</summary>
    public IReadOnlyList<Answer> Respond(string? text, DateTimeOffset now) => Answer(Understand(text), now);

    public Answer Welcome() =>
        new("welcome", Placeholders.Fill(_parts.Welcome.Text, _composer.FactPlaceholders), null, _parts.Welcome.Suggestions);

    /// <summary>
    /// Is this message a question the knowledge answers, such that a dialog waiting for an answer (a name, a phone,
    /// a time) should answer it instead? True only for a specific trigger phrase of an answerable topic, and never
    /// for messages carrying a phone number or e-mail address, greetings, thanks, help or booking requests, or
    /// crisis language (the bot handles crisis before any dialog).
    /// </summary>
    public bool IsConfidentQuestion(string? text, out Understanding understanding)
    {
        understanding = Understand(CheckCrisis(text), out var hasContactDetails);
        return !understanding.IsCrisis
            && understanding.Evidence >= Understanding.ConfidentEvidence
            && !NotInterruptions.Contains(understanding.PrimaryTopic)
            && !hasContactDetails;
    }
}
