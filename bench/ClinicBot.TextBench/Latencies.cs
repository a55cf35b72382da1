using System.Diagnostics;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Safety.Learned;

namespace ClinicBot.TextBench;

/// <summary>
/// `latency`: wall time per message, one at a time, with the learned models loaded: the whole understanding
/// (crisis check, sentence embedding, topic model, lexicon) on the questions, and the crisis check alone on
/// messages of about 200 and 2,000 characters (built from the same questions). Prints p50, p99 and the maximum.
/// The embedding cache is emptied before each round, so every text is new to it (what a message nobody sent before
/// costs); the last line repeats the understanding with the cache kept (a button, a common message).
/// </summary>
internal static class Latencies
{
    public static void Print(ClinicKnowledge knowledge, EmbeddingCache cache, IReadOnlyList<string> questions)
    {
        Console.WriteLine("  " + Measure("understand, one message", questions, text => knowledge.Understand(text), cache.Clear));
        Console.WriteLine("  " + Measure("crisis check, ~200 chars", Join(questions, 200), text => knowledge.CheckCrisis(text), cache.Clear));
        Console.WriteLine("  " + Measure("crisis check, ~2000 chars", Join(questions, 2000), text => knowledge.CheckCrisis(text), cache.Clear));
        Console.WriteLine("  " + Measure("understand, seen before", questions, text => knowledge.Understand(text), () => { }));
    }

    /// <summary>
    /// The crisis check's meaning signal alone, three ways side by side on the same messages (of ~length characters), in
    /// turn per message so that a busy machine slows each alike: the near-miss sentences embedded one model run each
    /// (what the app does), all in one run (the shorter padded to the longest), and all in one run with two threads per run. Only messages with a near-miss
    /// sentence count; the cache is bypassed.
    /// </summary>
    public static void CompareMeaningRuns(LearnedCrisisSignals signals, SentenceEmbedder oneThread, SentenceEmbedder twoThreads, IReadOnlyList<string> questions, int length)
    {
        var sets = Join(questions, length).Select(signals.MeaningSentences).Where(s => s.Count > 0).ToList();
        Console.WriteLine($"  near-miss sentences in ~{length}-char messages: {sets.Count} of {questions.Count} messages embed any; "
            + string.Join(", ", sets.GroupBy(s => s.Count).OrderBy(g => g.Key).Select(g => $"{g.Count()} embed {g.Key}")));
        var ways = new (string Name, Action<IReadOnlyList<string>> Run)[]
        {
            ("meaning, one run per sentence (app)", s => { foreach (var sentence in s) oneThread.EncodeAllAsync([sentence]).GetAwaiter().GetResult(); }),
            ("meaning, one batched run", s => oneThread.EncodeAllAsync(s).GetAwaiter().GetResult()),
            ("meaning, batched, 2 threads", s => twoThreads.EncodeAllAsync(s).GetAwaiter().GetResult()),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        foreach (var set in sets.Take(10)) foreach (var way in ways) way.Run(set); // JIT
        for (var round = 0; round < 3; round++)
        {
            for (var m = 0; m < sets.Count; m++)
            {
                for (var k = 0; k < ways.Length; k++)
                {
                    var w = (k + m + round) % ways.Length;
                    var watch = Stopwatch.StartNew();
                    ways[w].Run(sets[m]);
                    times[w].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        for (var w = 0; w < ways.Length; w++) Console.WriteLine("  " + Summary(ways[w].Name, times[w]));
    }

    private static List<string> Join(IReadOnlyList<string> questions, int length)
    {
        var joined = new List<string>();
        for (var start = 0; start < questions.Count; start++)
        {
            var text = questions[start];
            for (var next = start + 1; text.Length < length; next++) text += " " + questions[next % questions.Count];
            joined.Add(text[..length]);
        }
        return joined;
    }

    private static string Measure(string name, IReadOnlyList<string> texts, Action<string> run, Action beforeRound)
    {
        foreach (var text in texts.Take(20)) run(text); // first calls pay for JIT
        var times = new List<double>(texts.Count * 3);
        for (var round = 0; round < 3; round++)
        {
            beforeRound();
            foreach (var text in texts)
            {
                var watch = Stopwatch.StartNew();
                run(text);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return Summary(name, times);
    }

    private static string Summary(string name, List<double> times)
    {
        times.Sort();
        return $"{name,-30} n={times.Count,5}  p50 {times[times.Count / 2],6:F2} ms  p99 {times[(int)(times.Count * 0.99)],6:F2} ms  max {times[^1],7:F2} ms";
    }
}
