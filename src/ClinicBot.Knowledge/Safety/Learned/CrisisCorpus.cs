using System.Text.Json.Nodes;
using ClinicBot.Knowledge.Learning;

namespace ClinicBot.Knowledge.Safety.Learned;

/// <summary>One line of the crisis corpus, or an ordinary message standing in as a negative.</summary>
/// <param name="Tier">The tier its author gave a crisis line ("definite" or "possible"), if any.</param>
public sealed record CrisisExample(string Text, bool IsCrisis, string Kind, CrisisSpeaker Speaker, bool Spanish, string Source, string? Tier = null);

/// <summary>
/// The crisis corpus (<c>Corpus/crisis/*.jsonl</c>) and the ordinary messages of the topic corpus, split by author:
/// the tuning split is every line in <c>crisis/</c> and <c>topics/</c> but author d's; the report split is the
/// held-out authors, each reported on its own: <c>held-out/</c> (<c>crisis-*.jsonl</c>, <c>topics-*.jsonl</c>) and
/// <c>topics/author-d-*.jsonl</c> (author d's ordinary lines, which train the topic model since their unseen score was
/// recorded, but never the crisis model), written by people who never saw the detector, never read line by line:
/// only their aggregate scores are printed.
/// </summary>
public static class CrisisCorpus
{
    public const string HeldOutFolder = "held-out";

    /// <summary>Author d's ordinary messages, moved into the topic corpus after their unseen topic score.</summary>
    public const string ReportTopicFiles = "topics/author-d-";

    public static IReadOnlyList<CrisisExample> Read(string corpusDirectory)
    {
        var examples = new List<CrisisExample>();
        examples.AddRange(ReadCrisisFiles(corpusDirectory, Path.Combine(corpusDirectory, "crisis"), "*.jsonl"));
        examples.AddRange(TopicCorpus.Read(corpusDirectory)
            .Where(m => m.Source.StartsWith("topics/", StringComparison.Ordinal))
            .Select(m => new CrisisExample(m.Text, false, "ordinary", CrisisSpeaker.Self, false, m.Source)));

        var heldOut = Path.Combine(corpusDirectory, HeldOutFolder);
        if (!Directory.Exists(heldOut)) return examples;
        examples.AddRange(ReadCrisisFiles(corpusDirectory, heldOut, "crisis-*.jsonl"));
        foreach (var file in Directory.EnumerateFiles(heldOut, "topics-*.jsonl").Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(corpusDirectory, file).Replace('\\', '/');
            examples.AddRange(Lines(file).Select(node => new CrisisExample((string)node["text"]!, false, "ordinary", CrisisSpeaker.Self, false, source)));
        }
        return examples;
    }

    /// <summary>
    /// The held-out author a report line comes from ("author d", "author e"), from its file name
    /// (<c>held-out/crisis-author-e.jsonl</c>, <c>held-out/topics-author-e.jsonl</c>, <c>topics/author-d-*.jsonl</c>);
    /// each author's lines are reported on their own, as an author other than the tuning ones writes them.
    /// </summary>
    public static string ReportAuthor(CrisisExample example)
    {
        var name = Path.GetFileNameWithoutExtension(example.Source);
        var at = name.IndexOf("author-", StringComparison.Ordinal);
        return at < 0 ? name : "author " + name[(at + "author-".Length)..].Split('-')[0];
    }

    /// <summary>Tuning lines: everything but the report authors (<see cref="HeldOutFolder"/> and <see cref="ReportTopicFiles"/>).</summary>
    public static bool IsTuning(CrisisExample example) =>
        !example.Source.StartsWith(HeldOutFolder + "/", StringComparison.Ordinal)
        && !example.Source.StartsWith(ReportTopicFiles, StringComparison.Ordinal);

    private static IEnumerable<CrisisExample> ReadCrisisFiles(string corpusDirectory, string folder, string pattern)
    {
        foreach (var file in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(corpusDirectory, file).Replace('\\', '/');
            foreach (var node in Lines(file))
            {
                var isCrisis = (bool?)node["crisis"] ?? throw new InvalidDataException($"{source}: a line has no \"crisis\".");
                yield return new CrisisExample(
                    (string)node["text"]!,
                    isCrisis,
                    (string?)node["kind"] ?? "",
                    (string?)node["speaker"] == "other" ? CrisisSpeaker.Other : CrisisSpeaker.Self,
                    (string?)node["lang"] == "es",
                    source,
                    (string?)node["tier"]);
            }
        }
    }

    private static IEnumerable<JsonObject> Lines(string file) =>
        File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonNode.Parse(l)!.AsObject());
}
