using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Learning;
using ClinicBot.Knowledge.Safety;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Language.Classification;
using ClinicBot.Language.Loading;

namespace ClinicBot.Train;

/// <summary>
/// Learns ClinicBot's models from the corpus in the repository and writes them into the Knowledge content:
/// <c>topics</c> → Content/model/topic-model.json, <c>crisis</c> → Content/model/crisis-model.json. Both print how
/// each method or signal scores on data it was not trained on. Deterministic: the same corpus gives the same files.
/// </summary>
public static class TrainCommand
{
    private const string Usage = """
        usage:
          ClinicBot.Train topics [--dev FILE.jsonl] [--no-write] [--errors] [--explore]
            --errors: the chosen method's confusion pairs and misclassified corpus lines (out of fold)
            --explore [--only TEXT]: 5-fold CV (and the scored set) of variants (block scales, lead clause, L2, epochs);
              --only keeps the variants whose name contains TEXT
            --exclude TEXT: leave out the corpus files whose path contains TEXT (to score a new author's lines as unseen)
          ClinicBot.Train crisis [--dev FILE.jsonl] [--no-write] [--misses]   (--misses: tuning lines only)
          ClinicBot.Train lexicon [--lines] [--possible 0.5] [--definite 0.9]   (the crisis lexicon on the tuning split)
        FILE.jsonl is scored only (never trained on): lines {"text","topic"[,"severity"]} as in shared/eval.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 1 || args[0] is not ("topics" or "crisis" or "lexicon"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var paths = RepositoryPaths.Find();
        if (args[0] == "lexicon")
        {
            return LexiconReview.Run(paths, args.Contains("--lines"), Threshold(args, "--possible", 0.5f), Threshold(args, "--definite", 0.9f));
        }
        var dev = Option(args, "--dev") is { } devPath ? ReadScoredSet(devPath) : [];
        var write = !args.Contains("--no-write");
        // A cache large enough for every sentence the cross-validation and the reports read: each is embedded once.
        using var embedder = SentenceEmbedder.StartLoading(cacheCapacity: 50_000);
        var knowledge = ClinicKnowledge.Load(paths.Content);

        return args[0] == "topics"
            ? await TopicTraining.RunAsync(paths, knowledge, embedder, dev, write, args.Contains("--errors"), args.Contains("--explore"), Option(args, "--only"), Option(args, "--exclude"))
            : await CrisisTraining.RunAsync(paths, knowledge, embedder, dev, write, args.Contains("--misses"));
    }

    private static float Threshold(string[] args, string name, float otherwise) =>
        Option(args, name) is { } value ? float.Parse(value, CultureInfo.InvariantCulture) : otherwise;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static List<(string Text, string Topic)> ReadScoredSet(string path) => File.ReadLines(path)
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .Select(node => ((string)node["text"]!, (string)node["topic"]!))
        .ToList();

    internal static void WriteJson<T>(string path, T document)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(document, ModelJson.Options) + "\n");
        Console.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
    }

    internal static string Percent(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>Where the corpus and the content folder are, found from the repository root.</summary>
internal sealed record RepositoryPaths(string Root)
{
    public string Corpus => Path.Combine(Root, "src", "ClinicBot.Knowledge", "Corpus");

    public string Content => Path.Combine(Root, "src", "ClinicBot.Knowledge", "Content");

    /// <summary>The negation cue lists the models are trained with (Corpus/negation.json); stored in each model file.</summary>
    public NegationScope ReadNegation() => ContentJson.Read<NegationScope>(new DirectoryContentSource(Corpus), "negation.json");

    public static RepositoryPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ClinicBot.sln"))) return new RepositoryPaths(directory.FullName);
            }
        }
        throw new DirectoryNotFoundException("Run this inside the ClinicBot repository (no ClinicBot.sln found above the current folder).");
    }
}
