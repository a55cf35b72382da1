namespace ClinicBot.Knowledge.Text;

/// <summary>A message after folding, rewrites, typo correction and stemming. Words and Stems align.</summary>
internal sealed record AnalyzedText(
    string Folded,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Stems,
    IReadOnlyList<TimeOnly> Times,
    bool HasQuestionMark,
    bool HasContactDetails);
