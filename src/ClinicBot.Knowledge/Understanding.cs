using ClinicBot.Knowledge.Learning;
using ClinicBot.Knowledge.Safety;

namespace ClinicBot.Knowledge;

/// <summary>How sure the understanding is of its primary topic, and so how the bot replies.</summary>
public enum AnswerBand
{
    /// <summary>Confident: answer the topics.</summary>
    Answer,

    /// <summary>Unsure between a few topics: ask which one, with them as buttons.</summary>
    Clarify,

    /// <summary>Nothing on the page fits: say so plainly and offer the free call or the phone.</summary>
    Decline,
}

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

    /// <summary>The crisis check's verdict: definite makes <see cref="IsCrisis"/> true; possible adds a check-in.</summary>
    public CrisisAssessment Crisis { get; init; } = CrisisAssessment.None;

    public AnswerBand Band { get; init; } = AnswerBand.Answer;

    /// <summary>The topic model's probability for the primary topic; null when the trigger lexicon decided alone.</summary>
    public float? Confidence { get; init; }

    /// <summary>The model's three likeliest topics (the clarifying question's buttons); empty without the model.</summary>
    public IReadOnlyList<RankedTopic> Likeliest { get; init; } = [];

    /// <summary>The message carries a phone number or an e-mail address (it may belong to a booking).</summary>
    public bool HasContactDetails { get; init; }

    /// <summary>Which off-page reply fits (price, language, small talk, empty, medical advice...); null = the general one.</summary>
    public string? OffPageKind { get; init; }
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
