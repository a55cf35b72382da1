using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Language.Templates;


namespace ClinicBot.Knowledge.Answers;

/// <summary>Builds the answers for an understanding, from the topic texts, the clinic facts and the cards.</summary>
internal sealed class AnswerComposer
{
    private readonly IReadOnlyDictionary<string, TopicDefinition> _topics;
    private readonly OpeningHours _hours;
    private readonly IReadOnlyDictionary<string, string> _facts;
    private readonly ScheduleText _schedule;
    private readonly CardTemplate _hoursCard;
    private readonly CardTemplate _locationCard;
    private readonly CrisisTexts _crisis;
    private readonly IReadOnlyList<string> _crisisSuggestions;
    private readonly string _clarifyText;

    public AnswerComposer(KnowledgeParts parts, CrisisTexts crisis, IReadOnlyList<string> crisisSuggestions)
    {
        var topics = parts.Topics;
        var facts = parts.Facts;
        _topics = topics;
        _hours = facts.Hours;
        _facts = FactValues(facts);
        _clarifyText = parts.ClarifyText;
        var scheduleLines = topics.Values
            .Where(t => t.Kind is TopicKind.Hours or TopicKind.OpenNow)
            .SelectMany(t => t.Lines)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        _schedule = new ScheduleText(_hours, scheduleLines, _facts);
        _hoursCard = parts.HoursCard;
        _locationCard = parts.LocationCard;
        _crisis = crisis;
        _crisisSuggestions = crisisSuggestions;
    }

    public IReadOnlyDictionary<string, string> FactPlaceholders => _facts;

    public IReadOnlyList<Answer> Compose(Understanding understanding, DateTimeOffset now)
    {
        var answers = ComposeAnswers(understanding, now);
        if (answers.Count == 0) return answers;
        var stamped = answers.ToList();
        stamped[0] = stamped[0] with { Certainty = (understanding.Band.ToString().ToLowerInvariant(), understanding.Confidence) };
        return stamped;
    }

    private IReadOnlyList<Answer> ComposeAnswers(Understanding understanding, DateTimeOffset now)
    {
        // The fixed crisis reply stands alone: no other answer is added to it. Its wording depends only on who is
        // at risk and the language, never on anything else in the message.
        if (understanding.IsCrisis) return [new Answer(TopicNames.Crisis, _crisis.ReplyFor(understanding.Crisis), null, _crisisSuggestions)];
        if (understanding.Band == AnswerBand.Clarify && understanding.Likeliest.Count > 0) return WithCheckIn([Clarify(understanding)], understanding);

        var answers = new List<Answer>();
        var local = _hours.ToLocal(now);
        var primaryIsPage = _topics.TryGetValue(understanding.PrimaryTopic, out var primary) && primary.Kind == TopicKind.Page;
        var cardShown = new HashSet<TopicKind>();
        foreach (var topic in understanding.Topics)
        {
            if (topic == TopicNames.Crisis) continue; // a possible crisis: the check-in goes last, below
            var definition = _topics.GetValueOrDefault(topic) ?? _topics[TopicNames.OutOfScope];
            // Address and directions answers carry the same card; one is enough.
            if (definition.Kind == TopicKind.Location && !cardShown.Add(TopicKind.Location)) continue;
            var partial = answers.Count > 0 && primaryIsPage && definition.PartialAnswerTemplate is not null;
            var offPage = answers.Count == 0 ? understanding.OffPageKind : null;
            answers.Add(ComposeOne(definition, understanding.Moment, local, partial, offPage));
        }
        return WithCheckIn(answers, understanding);
    }

    /// <summary>A possible crisis: after the answers, a short warm check-in with 988 (never silence, never a form).</summary>
    private IReadOnlyList<Answer> WithCheckIn(List<Answer> answers, Understanding understanding)
    {
        if (!understanding.Crisis.IsPossible) return answers;
        var suggestions = answers.Count > 0 ? answers[^1].SuggestedActions : [];
        if (answers.Count > 0) answers[^1] = answers[^1] with { SuggestedActions = [] };
        answers.Add(new Answer(TopicNames.Crisis, _crisis.CheckInFor(understanding.Crisis), null, suggestions));
        return answers;
    }

    /// <summary>The model is unsure: ask which of its likeliest topics was meant, each as a button.</summary>
    private Answer Clarify(Understanding understanding)
    {
        var buttons = understanding.Likeliest
            .Select(t => _topics.GetValueOrDefault(t.Topic)?.ClarifyButton)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Answer(understanding.Likeliest[0].Topic, _clarifyText, null, buttons);
    }

    private Answer ComposeOne(TopicDefinition topic, AskedMoment? moment, DateTime local, bool partial, string? offPageKind)
    {
        var values = new Dictionary<string, string>(_facts);
        if (topic.PageQuote is not null) values["pageQuote"] = topic.PageQuote;
        string? card = null;

        switch (topic.Kind)
        {
            case TopicKind.Hours:
            case TopicKind.OpenNow:
                var status = _schedule.Status(local);
                var momentLines = _schedule.AboutMoment(moment, local);
                values["HoursLines"] = _schedule.HoursLines();
                values["StatusLine"] = status;
                values["MomentLine"] = momentLines.Count == 0 ? status : string.Join(' ', momentLines.Append(status));
                values["HoursSummary"] = _schedule.HoursSummary();
                values["Headline"] = topic.Kind == TopicKind.OpenNow && momentLines.Count > 0 ? momentLines[0] : _schedule.Headline();
                values["StatusColor"] = _hours.IsOpenAt(local) ? "Good" : "Attention";
                card = _hoursCard.Render(values, new Dictionary<string, System.Text.Json.Nodes.JsonArray> { ["HoursFacts"] = _schedule.HoursFacts() });
                break;
            case TopicKind.Location:
                card = _locationCard.Render(values);
                break;
        }

        var template = partial ? topic.PartialAnswerTemplate!
            : offPageKind is not null && topic.OffPageAnswers.TryGetValue(offPageKind, out var offPage) ? offPage
            : topic.AnswerTemplate;
        return new Answer(topic.Topic, Placeholders.Fill(template, values), card, topic.Suggestions)
        {
            CardCaption = card is null || topic.CardCaption is null ? null : Placeholders.Fill(topic.CardCaption, values),
        };
    }

    private static Dictionary<string, string> FactValues(ClinicFacts facts) => new(StringComparer.Ordinal)
    {
        ["Name"] = facts.Name,
        ["AddressLine"] = facts.AddressLine,
        ["SuiteLine"] = facts.SuiteLine,
        ["City"] = facts.City,
        ["State"] = facts.State,
        ["Zip"] = facts.Zip,
        ["AddressFull"] = facts.AddressFull,
        ["Phone"] = facts.Phone,
        ["Fax"] = facts.Fax,
        ["TelUrl"] = facts.TelUrl,
        ["MapUrl"] = facts.MapUrl,
        ["TimeZoneLabel"] = facts.TimeZoneLabel,
        ["HoursSummary"] = facts.Hours.Summary(),
    };
}
