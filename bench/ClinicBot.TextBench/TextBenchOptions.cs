namespace ClinicBot.TextBench;

/// <summary>Command-line options: where the messages come from, how long to measure, where to dump results.</summary>
internal sealed record TextBenchOptions(string EvalDirectory, string? ExtraTextsFile, int Runs, double SecondsPerSection, string? DumpFile, IReadOnlySet<string> Sections)
{
    public static readonly string[] AllSections = ["crisis", "crisis-all-cores", "understand", "booking", "latency"];

    public static TextBenchOptions Parse(string[] args, string repositoryRoot)
    {
        var eval = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "eval"));
        string? extra = null;
        string? dump = null;
        var runs = 3;
        var seconds = 2.0;
        var sections = new HashSet<string>(AllSections, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--eval": eval = Path.GetFullPath(Next()); break;
                case "--extra": extra = Path.GetFullPath(Next()); break;
                case "--runs": runs = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--dump": dump = Path.GetFullPath(Next()); break;
                case "--sections": sections = Next().Split(',').ToHashSet(StringComparer.Ordinal); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }
        if (sections.Except(AllSections).FirstOrDefault() is { } unknown) throw new ArgumentException($"Unknown section {unknown}");
        return new TextBenchOptions(eval, extra, Math.Clamp(runs, 1, 20), Math.Clamp(seconds, 0.1, 30), dump, sections);
    }
}
