using ClinicBot.Knowledge.Learning;

namespace ClinicBot.Train;

/// <summary>`topics --errors`: out-of-fold confusion pairs and the misclassified corpus lines, for reading the corpus.</summary>
internal static class TopicErrors
{
    public static void Print(IReadOnlyList<HeldOutPrediction> outOfFold, IReadOnlyList<PreparedMessage> prepared)
    {
        Console.WriteLine();
        Console.WriteLine("confusion pairs (truth -> predicted, out of fold):");
        var misses = outOfFold.Select((p, i) => (p, m: prepared[i].Message)).Where(x => x.p.Ranking[0].Topic != x.p.Truth).ToList();
        foreach (var pair in misses.GroupBy(x => (x.p.Truth, Predicted: x.p.Ranking[0].Topic)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            Console.WriteLine($"  {pair.Count(),3}  {pair.Key.Truth} -> {pair.Key.Predicted}");
        }
        var twoQuestions = prepared.Count(m => m.Message.Secondary is not null);
        var secondaryFirst = misses.Count(x => x.m.Secondary == x.p.Ranking[0].Topic);
        Console.WriteLine($"misses: {misses.Count} of {prepared.Count}; {secondaryFirst} of them put the line's labelled second question first ({twoQuestions} lines have a secondary)");
        Console.WriteLine();
        Console.WriteLine("misclassified corpus lines (source | truth -> predicted p | text):");
        foreach (var (p, m) in misses.OrderBy(x => x.p.Truth, StringComparer.Ordinal).ThenBy(x => x.p.Ranking[0].Topic, StringComparer.Ordinal))
        {
            var second = m.Secondary is null ? "" : m.Secondary == p.Ranking[0].Topic ? " (= its secondary)" : $" (secondary {m.Secondary})";
            Console.WriteLine($"  {Path.GetFileNameWithoutExtension(m.Source)} | {p.Truth} -> {p.Ranking[0].Topic} {p.Ranking[0].Probability:0.00}{second} | {m.Text}");
        }
    }
}
