namespace ClinicBot.Knowledge.Text;

/// <summary>
/// A message after folding, rewrites, typo correction and stemming. Words, Stems and InQuestion align:
/// InQuestion[i] tells whether word i sits in a clause that asks something (ends with "?" or starts with a
/// question word), as opposed to a statement around it ("traffic is killing me, where do i park").
/// </summary>
internal sealed record AnalyzedText(
    string Folded,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Stems,
    IReadOnlyList<bool> InQuestion,
    IReadOnlyList<TimeOnly> Times,
    bool HasQuestionMark,
    bool HasContactDetails);
