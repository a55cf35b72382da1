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
    private readonly Answer _crisis;

    public AnswerComposer(
        IReadOnlyDictionary<string, TopicDefinition> topics,
        ClinicFacts facts,
        CardTemplate hoursCard,
        CardTemplate locationCard,
        Answer crisis)
    {
        _topics = topics;
        _hours = facts.Hours;
        _facts = FactValues(facts);
        var scheduleLines = topics.Values
            .Where(t => t.Kind is TopicKind.Hours or TopicKind.OpenNow)
            .SelectMany(t => t.Lines)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        _schedule = new ScheduleText(_hours, scheduleLines, _facts);
        _hoursCard = hoursCard;
        _locationCard = locationCard;
        _crisis = crisis;
    }

    public IReadOnlyDictionary<string, string> FactPlaceholders => _facts;

    public IReadOnlyList<Answer> Compose(Understanding understanding, DateTimeOffset now)
    {
        // The fixed crisis reply stands alone: no other answer is added to it.
        if (understanding.IsCrisis) return [_crisis];

        var answers = new List<Answer>();
        var local = _hours.ToLocal(now);
        var primaryIsPage = _topics.TryGetValue(understanding.PrimaryTopic, out var primary) && primary.Kind == TopicKind.Page;
        var cardShown = new HashSet<TopicKind>();
        foreach (var topic in understanding.Topics)
        {
            var definition = _topics.GetValueOrDefault(topic) ?? _topics[TopicNames.OutOfScope];
            // Address and directions answers carry the same card; one is enough.
            if (definition.Kind == TopicKind.Location && !cardShown.Add(TopicKind.Location)) continue;
            var partial = answers.Count > 0 && primaryIsPage && definition.PartialAnswerTemplate is not null;
            answers.Add(ComposeOne(definition, understanding.Moment, local, partial));
        }
        return answers;
    }

    private Answer ComposeOne(TopicDefinition topic, AskedMoment? moment, DateTime local, bool partial)
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

        var template = partial ? topic.PartialAnswerTemplate! : topic.AnswerTemplate;
        return new Answer(topic.Topic, Placeholders.Fill(template, values), card, topic.Suggestions);
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
