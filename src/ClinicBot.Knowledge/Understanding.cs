namespace ClinicBot.Knowledge;

/// <summary>
/// What a message asks: its topics, primary first (never empty; unknown → out_of_scope), and whether it
/// contains crisis language (then "crisis" is the primary topic).
/// </summary>
/// <param name="Evidence">Weight of the strongest trigger that matched the primary topic (0 = nothing matched,
/// 3 or more = a specific phrase). Crisis understandings carry the maximum.</param>
public sealed record Understanding(IReadOnlyList<string> Topics, bool IsCrisis, string? CrisisSeverity, int Evidence = 0)
{
    public const int ConfidentEvidence = 3;

    public string PrimaryTopic => Topics[0];

    /// <summary>The day/time the message asks about (for open_now answers); null when none was named.</summary>
    public AskedMoment? Moment { get; init; }
}

/// <summary>A moment named in a message: "saturday", "today at 7pm", "tonight", "the weekend", a holiday.</summary>
public sealed record AskedMoment(
    IReadOnlyList<DayReference> Days,
    TimeOnly? Time,
    bool Evening,
    bool Holiday)
{
    public bool IsEmpty => Days.Count == 0 && Time is null && !Evening && !Holiday;
}

public enum DayReference
{
    Today, Tomorrow, Weekend,
    Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday,
}
