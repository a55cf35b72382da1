namespace ClinicBot.Knowledge.Answers;

/// <summary>How one topic is answered (from Content/topics/*.json).</summary>
internal sealed record TopicDefinition(
    string Topic,
    TopicKind Kind,
    string AnswerTemplate,
    string? PageQuote,
    string? PartialAnswerTemplate,
    IReadOnlyDictionary<string, string> Lines,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>The button that names this topic when the bot asks which topic was meant.</summary>
    public string? ClarifyButton { get; init; }

    /// <summary>Text shown above the topic's card: what the card itself only implies ("nothing on parking").</summary>
    public string? CardCaption { get; init; }

    /// <summary>out_of_scope's replies that fit the question, by name (see <see cref="OffPageReplies"/>).</summary>
    public IReadOnlyDictionary<string, string> OffPageAnswers { get; init; } = new Dictionary<string, string>();
}

/// <summary>"page"/"text": a filled text; "hours", "open_now": computed schedule with a card; "location": address with a card.</summary>
internal enum TopicKind { Text, Page, Hours, OpenNow, Location }
