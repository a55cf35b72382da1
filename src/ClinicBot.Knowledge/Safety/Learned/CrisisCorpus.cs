using System.Text.Json.Nodes;
using ClinicBot.Knowledge.Learning;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>One line of the crisis corpus, or an ordinary message standing in as a negative.</summary>
public sealed record CrisisExample(string Text, bool IsCrisis, string Kind, CrisisSpeaker Speaker, bool Spanish, string Source);

/// <summary>
/// The crisis corpus (<c>Corpus/crisis/*.jsonl</c>) and the ordinary messages of the topic corpus, split by author:
/// the report split is <see cref="ReportAuthor"/>'s crisis and topic files, written by someone who never saw the
/// detector and never read line by line while tuning; every other author's lines are the tuning split.
/// </summary>
public static class CrisisCorpus
{
    public static IReadOnlyList<CrisisExample> Read(string corpusDirectory)
    {
        var examples = new List<CrisisExample>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpusDirectory, "crisis"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(corpusDirectory, file);
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                var node = JsonNode.Parse(line)!.AsObject();
                var isCrisis = (bool?)node["crisis"] ?? throw new InvalidDataException($"{source}: a line has no \"crisis\".");
                examples.Add(new CrisisExample(
                    (string)node["text"]!,
                    isCrisis,
                    (string?)node["kind"] ?? "",
                    (string?)node["speaker"] == "other" ? CrisisSpeaker.Other : CrisisSpeaker.Self,
                    (string?)node["lang"] == "es",
                    source));
            }
        }
        examples.AddRange(TopicCorpus.Read(corpusDirectory)
            .Where(m => m.Source.StartsWith("topics/", StringComparison.Ordinal))
            .Select(m => new CrisisExample(m.Text, false, "ordinary", CrisisSpeaker.Self, false, m.Source)));
        return examples;
    }

    /// <summary>The author whose files are the report split (file names start with it, in crisis/ and topics/).</summary>
    public const string ReportAuthor = "author-d";

    public static bool IsTuning(CrisisExample example) => !Path.GetFileName(example.Source).StartsWith(ReportAuthor, StringComparison.Ordinal);
}
