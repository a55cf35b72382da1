using ClinicBot.Knowledge.Answers;
using ClinicBot.Knowledge.Recognition;
using ClinicBot.Knowledge.Text;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Templates;

namespace ClinicBot.Knowledge.Loading;

/// <summary>Everything built from one content source, except the crisis detector (loaded on its own).</summary>
internal sealed record KnowledgeParts(
    ClinicFacts Facts,
    TextAnalyzer Analyzer,
    TopicClassifier Classifier,
    MomentReader Moments,
    IReadOnlyDictionary<string, TopicDefinition> Topics,
    CardTemplate HoursCard,
    CardTemplate LocationCard,
    WelcomeDocument Welcome,
    OffPageReplies OffPage,
    string ClarifyText);

/// <summary>Reads and checks the content files; throws <see cref="InvalidDataException"/> on anything unusable.</summary>
internal static class KnowledgeLoader
{
    private static readonly string[] RequiredTopics = [TopicNames.OutOfScope, TopicNames.Hours, TopicNames.OpenNow];

    private static readonly string[] RequiredScheduleLines =
    [
        "statusOpen", "statusClosed", "closedDay", "nextToday", "nextTomorrow", "nextOnDay", "dayOpen", "dayClosed",
        "weekendClosed", "timeOpen", "timeClosedOpenDay", "timeClosedDay", "eveningOpenDay", "holiday", "today",
        "tomorrow", "onDay", "hoursSummary", "headline",
    ];

    public static KnowledgeParts Load(IContentSource source)
    {
        var facts = ClinicFactsReader.Read(source);
        var language = ContentJson.Read<LanguageDocument>(source, "language.json");
        var topicDocuments = source.List("topics", ".json").Select(p => ContentJson.Read<TopicDocument>(source, p)).ToList();
        var duplicate = topicDocuments.GroupBy(t => t.Topic).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"Topic '{duplicate.Key}' is defined twice.");
        var missing = RequiredTopics.Except(topicDocuments.Select(t => t.Topic)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"Missing topic files: {string.Join(", ", missing)}.");

        var topics = topicDocuments.ToDictionary(t => t.Topic, ToDefinition, StringComparer.Ordinal);
        var scheduleLines = topics.Values.Where(t => t.Kind is TopicKind.Hours or TopicKind.OpenNow).SelectMany(t => t.Lines.Keys).ToHashSet();
        var missingLines = RequiredScheduleLines.Where(l => !scheduleLines.Contains(l)).ToList();
        if (missingLines.Count > 0) throw new InvalidDataException($"Hours/open_now topics lack lines: {string.Join(", ", missingLines)}.");

        var offPage = topicDocuments.Single(t => t.Topic == TopicNames.OutOfScope).OffPage ?? [];
        var phrases = topicDocuments.SelectMany(t => t.Triggers.SelectMany(g => g.Phrases)).Concat(offPage.SelectMany(o => o.Phrases)).ToList();
        var analyzer = TextAnalyzer.Create(language, phrases);
        // Articles are optional inside a phrase: "talk to a human" also matches "talk to an actual human".
        var articles = (language.Articles ?? []).SelectMany(w => analyzer.Analyze(w).Stems).ToHashSet(StringComparer.Ordinal);
        var gapStems = (language.GapWords ?? []).SelectMany(w => analyzer.Analyze(w).Stems).Concat(articles);
        var triggers = topicDocuments.SelectMany(t => t.Triggers.SelectMany(g => g.Phrases.Select(p =>
            new TriggerPhrase(t.Topic, p, WithoutArticles(analyzer.Analyze(p).Stems, articles), g.Weight, g.Also))));
        var offPagePhrases = offPage.SelectMany(o => o.Phrases.Select(p => new TriggerPhrase(o.Name, p, WithoutArticles(analyzer.Analyze(p).Stems, articles), 1, null)));

        return new KnowledgeParts(
            facts,
            analyzer,
            new TopicClassifier(
                new TopicLexicon(triggers, gapStems),
                (language.FocusPhrases ?? []).Select(f => analyzer.Analyze(f).Stems).Where(s => s.Count > 0).ToList()),
            new MomentReader(topicDocuments.SelectMany(t => t.HolidayWords ?? [])),
            topics,
            new CardTemplate(source.ReadText("cards/hours.json")),
            new CardTemplate(source.ReadText("cards/location.json")),
            ContentJson.Read<WelcomeDocument>(source, "welcome.json"),
            new OffPageReplies(new TopicLexicon(offPagePhrases, gapStems), offPage.Select(o => o.Name).ToList()),
            ContentJson.Read<ClarifyDocument>(source, "clarify.json").Text);
    }

    private static IReadOnlyList<string> WithoutArticles(IReadOnlyList<string> stems, HashSet<string> articles)
    {
        var kept = stems.Where(s => !articles.Contains(s)).ToList();
        return kept.Count > 0 ? kept : stems;
    }

    private static TopicDefinition ToDefinition(TopicDocument document)
    {
        var kind = document.Kind switch
        {
            "page" => TopicKind.Page,
            "text" => TopicKind.Text,
            "hours" => TopicKind.Hours,
            "open_now" => TopicKind.OpenNow,
            "location" => TopicKind.Location,
            _ => throw new InvalidDataException($"Topic '{document.Topic}' has unknown kind '{document.Kind}'."),
        };
        if (kind == TopicKind.Page && string.IsNullOrWhiteSpace(document.PageQuote))
            throw new InvalidDataException($"Page topic '{document.Topic}' needs a pageQuote.");
        return new TopicDefinition(document.Topic, kind, document.Answer, document.PageQuote, document.PartialAnswer,
            document.Lines ?? new Dictionary<string, string>(), document.Suggestions ?? [])
        {
            ClarifyButton = document.ClarifyButton,
            CardCaption = document.CardCaption,
            OffPageAnswers = (document.OffPage ?? []).ToDictionary(o => o.Name, o => o.Answer, StringComparer.Ordinal),
        };
    }
}
