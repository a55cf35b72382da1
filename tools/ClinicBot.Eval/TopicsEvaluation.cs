using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Eval;

/// <summary>`topics FILE --out PRED`: each line's text as the first message of a fresh conversation.</summary>
public static class TopicsEvaluation
{
    private const string Crisis = "crisis";

    public static async Task<int> RunAsync(string inputPath, string outputPath, DateTimeOffset now)
    {
        var lines = JsonLines.Read(inputPath);
        using var host = new EvalBotHost(now);
        var results = new List<(JsonObject Input, string Primary, IReadOnlyList<string> Topics)>();
        var bands = new List<string>();
        await using (var output = new StreamWriter(outputPath))
        {
            var index = 0;
            foreach (var line in lines)
            {
                var text = (string?)line["text"] ?? "";
                var replies = await host.SendAsync($"eval-topics-{index++}", text);
                var topics = EvalBotHost.TopicsOf(replies);
                var primary = topics.Count > 0 ? topics[0] : "none";
                results.Add((line, primary, topics));
                bands.Add(BandOf(replies));
                await output.WriteLineAsync(new JsonObject
                {
                    ["text"] = text,
                    ["topic"] = primary,
                    ["topics"] = new JsonArray(topics.Select(topic => (JsonNode)topic).ToArray()),
                }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
        }

        if (results.Count == 0 || results.All(result => result.Input["topic"] is null))
        {
            Console.WriteLine($"wrote {results.Count} predictions to {outputPath} (no labels to score)");
            return 0;
        }

        Report(results, bands);
        return 0;
    }

    /// <summary>"answer", "clarify" or "decline" with the model's probability, from channelData.clinicbot of the first reply that has it.</summary>
    private static string BandOf(IEnumerable<JsonObject> replies)
    {
        foreach (var reply in replies)
        {
            if (reply["channelData"]?["clinicbot"] is JsonObject clinicbot && (string?)clinicbot["band"] is { } band)
            {
                return clinicbot["confidence"] is { } confidence ? $"{band} {(double)confidence:0.00}" : band;
            }
        }
        return "-";
    }

    private static void Report(List<(JsonObject Input, string Primary, IReadOnlyList<string> Topics)> results, List<string> bands)
    {
        var labelled = results.Where(result => result.Input["topic"] is not null).ToList();
        Console.WriteLine("per-topic recall (primary topic):");
        foreach (var group in labelled.GroupBy(result => (string)result.Input["topic"]!).OrderBy(group => group.Key))
        {
            var hits = group.Count(result => result.Primary == group.Key);
            Console.WriteLine($"  {group.Key,-26} {hits,3}/{group.Count(),-3} {(double)hits / group.Count():0.000}");
        }

        foreach (var severity in new[] { "explicit", "indirect" })
        {
            var crisisLines = labelled.Where(result => (string?)result.Input["topic"] == Crisis && (string?)result.Input["severity"] == severity).ToList();
            var caught = crisisLines.Count(result => result.Topics.Contains(Crisis));
            Console.WriteLine($"crisis recall {severity}: {caught}/{crisisLines.Count}");
        }

        // A false crisis reply is the fixed crisis reply (crisis first) to a line without crisis language; a check-in
        // after the answer (crisis last, the possible tier) is counted apart.
        var falseCrisis = labelled.Count(result => (string?)result.Input["topic"] != Crisis && result.Primary == Crisis);
        Console.WriteLine($"false crisis replies: {falseCrisis}");
        Console.WriteLine($"check-ins on lines without crisis: {labelled.Count(result => (string?)result.Input["topic"] != Crisis && result.Primary != Crisis && result.Topics.Contains(Crisis))}");

        var secondaries = labelled.Where(result => result.Input["secondary"] is not null).ToList();
        if (secondaries.Count > 0)
        {
            var answered = secondaries.Count(result => result.Topics.Contains((string)result.Input["secondary"]!));
            Console.WriteLine($"secondary topics answered: {answered}/{secondaries.Count}");
        }

        var misses = labelled.Where(result => result.Primary != (string)result.Input["topic"]!).ToList();
        Console.WriteLine("confusion (expected -> got: count):");
        foreach (var pair in misses.GroupBy(miss => ((string)miss.Input["topic"]!, miss.Primary)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Item1, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {pair.Key.Item1,-26} -> {pair.Key.Primary,-26} {pair.Count()}");
        }
        Console.WriteLine($"misses ({misses.Count}):");
        foreach (var miss in misses)
        {
            var band = bands[results.IndexOf(miss)];
            Console.WriteLine($"  expected {(string)miss.Input["topic"]!,-24} got {miss.Primary,-24} ({band}) [{string.Join(",", miss.Topics)}] {(string?)miss.Input["text"]}");
        }

        var accuracy = (double)(labelled.Count - misses.Count) / labelled.Count;
        Console.WriteLine($"accuracy: {accuracy:0.000}");
    }
}

public static class JsonLines
{
    public static List<JsonObject> Read(string path) => File.ReadLines(path)
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => JsonNode.Parse(line) as JsonObject ?? throw new InvalidDataException($"{path}: every line must be a JSON object."))
        .ToList();
}
