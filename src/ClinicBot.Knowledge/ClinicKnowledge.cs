using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Answers;
using ClinicBot.Knowledge.Learning;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
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

    // The first messages after start wait this long at most for the sentence model; after that, and if it failed
    // to load, the trigger lexicon answers alone. The crisis check never waits.
    private static readonly TimeSpan ModelWait = TimeSpan.FromSeconds(20);

    private readonly KnowledgeParts _parts;
    private readonly CrisisDetector _crisis;
    private readonly CrisisAssessor _crisisAssessor;
    private readonly AnswerComposer _composer;
    private readonly TopicModel? _topicModel;
    private readonly SentenceEmbedder? _embedder;

    private ClinicKnowledge(KnowledgeParts parts, CrisisDetector crisis, CrisisLexicon? lexicon, LearnedModels models, string source, IReadOnlyList<string> warnings)
    {
        _parts = parts;
        _crisis = crisis;
        _embedder = models.Embedder;
        _topicModel = models.Embedder is null ? null : models.Topics;
        _crisisAssessor = new CrisisAssessor(crisis, models.Crisis is null ? null : new LearnedCrisisSignals(models.Crisis, models.Embedder), lexicon);
        ContentSource = source;
        LoadWarnings = warnings;
        _composer = new AnswerComposer(parts, crisis.Texts, crisis.Suggestions);
    }

    /// <summary>
    /// Loads the content from <paramref name="contentDirectory"/>. If the folder is missing or a file is broken,
    /// the content embedded in the assembly is used instead and <see cref="LoadWarnings"/> says why; the crisis
    /// detector falls back on its own, so crisis handling never depends on the files.
    /// </summary>
    /// <param name="embedder">Sentence embeddings for the learned models; without it the trigger lexicon and the
    /// crisis patterns and n-gram signal work alone.</param>
    public static ClinicKnowledge Load(string contentDirectory, SentenceEmbedder? embedder = null)
    {
        var warnings = new List<string>();
        var directory = new DirectoryContentSource(contentDirectory);
        var crisis = CrisisDetector.Load(directory, warnings);
        var lexicon = CrisisLexicon.Load(directory, warnings);
        var parts = ContentWithFallback.Load(directory, KnowledgeContent.Embedded, KnowledgeLoader.Load, warnings, out var used);
        return new ClinicKnowledge(parts, crisis, lexicon, LearnedModels.Load(used, embedder, warnings), used.Description, warnings);
    }

    /// <summary>Loads the content copied next to the application, under Content/.</summary>
    public static ClinicKnowledge LoadDefault(SentenceEmbedder? embedder = null) => Load(Path.Combine(AppContext.BaseDirectory, "Content"), embedder);

    /// <summary>Loads from any source (no fallback for the topics; the crisis detector still falls back).</summary>
    public static ClinicKnowledge Load(IContentSource source, SentenceEmbedder? embedder = null)
    {
        var warnings = new List<string>();
        var crisis = CrisisDetector.Load(source, warnings);
        var lexicon = CrisisLexicon.Load(source, warnings);
        return new ClinicKnowledge(KnowledgeLoader.Load(source), crisis, lexicon, LearnedModels.Load(source, embedder, warnings), source.Description, warnings);
    }

    /// <summary>Completes when the sentence model is loaded (or failed to load); the learned models then run on every message.</summary>
    public Task ModelsReady => _embedder?.Ready.ContinueWith(_ => { }, TaskScheduler.Default) ?? Task.CompletedTask;

    /// <summary>Whether topics are understood by the learned model (with the lexicon as one of its features).</summary>
    public bool HasTopicModel => _topicModel is not null;

    /// <summary>Whether the person says they are safe now (ends supportive mode after a crisis reply).</summary>
    public bool SaysSafe(string text) => _crisis.SaysSafe(text);

    /// <summary>The fixed safety texts (crisis replies, check-in, supportive lines).</summary>
    public CrisisTexts CrisisTexts => _crisis.Texts;

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

    /// <summary>Whether the crisis check finds a definite crisis (storage-free, no waiting).</summary>
    public bool IsCrisis(string? text) => _crisisAssessor.Assess(text).IsDefinite;

    /// <summary>The crisis check alone, for a caller that answers crisis first and may understand the text after.</summary>
    public CrisisCheck CheckCrisis(string? text) => new(text, _crisisAssessor.Assess(text));

    public Understanding Understand(string? text) => Understand(CheckCrisis(text), out _);

    /// <summary>Understands a message whose crisis check is already done.</summary>
    public Understanding Understand(CrisisCheck checkedText) => Understand(checkedText, out _);

    private Understanding Understand(CrisisCheck checkedText, out bool hasContactDetails)
    {
        hasContactDetails = false;
        var text = checkedText.Text;
        var assessment = checkedText.Assessment;
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetterOrDigit))
        {
            return new Understanding([TopicNames.OutOfScope], false, null) { Band = AnswerBand.Decline, OffPageKind = OffPageReplies.Empty };
        }

        var analyzed = _parts.Analyzer.Analyze(text);
        hasContactDetails = analyzed.HasContactDetails;
        var lexicon = _parts.Classifier.Classify(analyzed);
        var (topics, evidence) = lexicon;
        var band = AnswerBand.Answer;
        float? confidence = null;
        IReadOnlyList<RankedTopic> likeliest = [];
        if (ReadyEmbedding(text) is { } embedding)
        {
            var ranking = _topicModel!.Rank(_topicModel.Featurizer.Featurize(text, embedding, lexicon));
            confidence = ranking[0].Probability;
            likeliest = ranking.Take(3).ToList();
            band = confidence >= _topicModel.Bands.Answer ? AnswerBand.Answer
                : confidence >= _topicModel.Bands.Clarify ? AnswerBand.Clarify
                : AnswerBand.Decline;
            topics = TopicsFromModel(ranking, band, likeliest, lexicon);
        }
        else if (evidence == 0)
        {
            band = AnswerBand.Decline;
        }

        if (assessment.IsDefinite)
        {
            topics.Remove(TopicNames.Crisis);
            if (evidence == 0) topics.Clear();
            topics.Insert(0, TopicNames.Crisis);
            evidence = int.MaxValue;
        }
        else if (assessment.IsPossible)
        {
            // Answer the question, then check in: crisis goes last, never first.
            topics.Add(TopicNames.Crisis);
        }

        var moment = topics.Contains(TopicNames.OpenNow) || topics.Contains(TopicNames.Hours) ? _parts.Moments.Read(analyzed) : null;
        var offPage = topics[0] == TopicNames.OutOfScope ? _parts.OffPage.KindOf(analyzed) : null;
        return new Understanding(topics, assessment.IsDefinite, assessment.Severity, evidence)
        {
            Moment = moment,
            Crisis = assessment,
            Band = band,
            Confidence = confidence,
            Likeliest = likeliest,
            OffPageKind = offPage,
            HasContactDetails = hasContactDetails,
        };
    }

    private float[]? ReadyEmbedding(string text)
    {
        if (_topicModel is null || _embedder is null) return null;
        if (!_embedder.IsReady)
        {
            try
            {
                _embedder.Ready.Wait(ModelWait);
            }
            catch (AggregateException)
            {
                return null; // the model could not be loaded: the lexicon answers alone (LoadWarnings says why)
            }
        }
        return _embedder.TryEncode(text);
    }

    /// <summary>
    /// The topics to answer when the model decided: its primary; the lexicon's other topics when the lexicon had a
    /// specific phrase and the model does not rule them out (second questions), or marks where the page answers only
    /// in part (out_of_scope, consult_professional); when unsure, the likeliest few.
    /// </summary>
    private static List<string> TopicsFromModel(IReadOnlyList<RankedTopic> ranking, AnswerBand band, IReadOnlyList<RankedTopic> likeliest, (List<string> Topics, int Evidence) lexicon)
    {
        // A second topic needs some support from the model; starting a booking the person did not lead with needs
        // more ("i'm not trying to book, how does it work" has a booking phrase in it).
        const float SecondTopicFloor = 0.02f;
        const float SecondBookingFloor = 0.3f;
        var primary = ranking[0].Topic;
        switch (band)
        {
            case AnswerBand.Decline:
                return [TopicNames.OutOfScope];
            case AnswerBand.Clarify:
                return likeliest.Select(t => t.Topic).ToList();
        }
        var topics = new List<string> { primary };
        if (lexicon.Evidence >= Understanding.ConfidentEvidence)
        {
            topics.AddRange(lexicon.Topics.Where(t => t != primary && t != TopicNames.Crisis
                && (t is TopicNames.OutOfScope or TopicNames.ConsultProfessional || ranking.Any(r => r.Topic == t && r.Probability >= (t == TopicNames.BookCall ? SecondBookingFloor : SecondTopicFloor)))));
        }
        return topics.Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

    /// <summary>
    /// The trigger lexicon's verdict alone: its topics (primary first) and the weight of the primary's strongest
    /// trigger (0 = nothing matched). The topic model reads it as one of its features.
    /// </summary>
    public (IReadOnlyList<string> Topics, int Evidence) MatchTriggers(string text) =>
        _parts.Classifier.Classify(_parts.Analyzer.Analyze(text));

    /// <summary>The assessment of the crisis signals for a message (the same check as <see cref="CheckCrisis"/>).</summary>
    public CrisisAssessment AssessCrisis(string? text) => _crisisAssessor.Assess(text);

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

    /// <summary>A short supportive line for someone in distress after a crisis reply (the n-th, in turn).</summary>
    public Answer Supportive(int index, bool spanish) =>
        new(TopicNames.Crisis, _crisis.Texts.SupportiveLine(index, spanish), null, []);

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
