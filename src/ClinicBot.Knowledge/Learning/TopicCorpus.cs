using System.Text.Json.Nodes;

namespace ClinicBot.Knowledge.Learning;

/// <summary>One labelled training line: the text, the topic it asks about first, and a second question's topic if any.</summary>
public sealed record LabelledMessage(string Text, string Topic, string Source, string? Secondary = null);

/// <summary>
/// The training corpus kept in the repository (<c>src/ClinicBot.Knowledge/Corpus</c>): <c>topics/*.jsonl</c>
/// (<c>{"text","topic","secondary"?}</c>) and the crisis corpus's negatives (<c>crisis/*.jsonl</c> lines with
/// <c>"crisis": false</c> and a <c>topic</c>). Crisis lines are not topic training data: crisis is decided by the
/// crisis detector before any topic.
/// </summary>
public static class TopicCorpus
{
    public static IReadOnlyList<LabelledMessage> Read(string corpusDirectory)
    {
        var files = new[] { "topics", "crisis" }
            .Select(folder => Path.Combine(corpusDirectory, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
            .ToList();
        if (files.Count == 0) throw new FileNotFoundException($"No corpus files under {corpusDirectory}/topics or /crisis.");
        var messages = new List<LabelledMessage>();
        foreach (var file in files)
        {
            var source = Path.GetRelativePath(corpusDirectory, file);
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                var node = JsonNode.Parse(line)?.AsObject() ?? throw new InvalidDataException($"{source}: every line must be a JSON object.");
                var text = (string?)node["text"] ?? throw new InvalidDataException($"{source}: a line has no text.");
                var topic = (string?)node["topic"];
                if ((bool?)node["crisis"] == true || topic is null or TopicNames.Crisis) continue;
                messages.Add(new LabelledMessage(text, topic, source, (string?)node["secondary"]));
            }
        }
        return messages;
    }

    /// <summary>The fold (0..folds-1) of each message: every fold-th line of each file, so each fold has every author.</summary>
    public static int[] Folds(IReadOnlyList<LabelledMessage> messages, int folds)
    {
        var assignment = new int[messages.Count];
        var countInSource = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var n = countInSource.GetValueOrDefault(messages[i].Source);
            assignment[i] = n % folds;
            countInSource[messages[i].Source] = n + 1;
        }
        return assignment;
    }
}
