using ClinicBot.Knowledge.Recognition;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Answers;

/// <summary>
/// Picks which of out_of_scope's replies fits a message the page does not answer: the first reply in the file whose
/// phrases occur in the message (price and insurance, another language, changing an appointment, a personal medical
/// question, small talk), "empty" for a message without words, and the general reply otherwise.
/// </summary>
internal sealed class OffPageReplies
{
    public const string Empty = "empty";

    private readonly TopicLexicon _lexicon;
    private readonly IReadOnlyList<string> _order;

    public OffPageReplies(TopicLexicon lexicon, IReadOnlyList<string> order)
    {
        _lexicon = lexicon;
        _order = order;
    }

    public string? KindOf(AnalyzedText text)
    {
        var matched = _lexicon.FindMatches(text.Stems).Select(m => m.Trigger.Topic).ToHashSet(StringComparer.Ordinal);
        return _order.FirstOrDefault(matched.Contains);
    }
}
