namespace ClinicBot.Knowledge.Answers;

/// <summary>How one topic is answered (from Content/topics/*.json).</summary>
internal sealed record TopicDefinition(
    string Topic,
    TopicKind Kind,
    string AnswerTemplate,
    string? PageQuote,
    string? PartialAnswerTemplate,
    IReadOnlyDictionary<string, string> Lines,
    IReadOnlyList<string> Suggestions);

/// <summary>"page"/"text": a filled text; "hours", "open_now": computed schedule with a card; "location": address with a card.</summary>
internal enum TopicKind { Text, Page, Hours, OpenNow, Location }
