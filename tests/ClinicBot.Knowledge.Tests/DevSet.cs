using System.Text.Json;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge;

/// <summary>The labelled development messages (shared/eval/dev.jsonl, cloned next to the repo).</summary>
public static class DevSet
{
    public sealed record Line(string Text, string Topic, string? Secondary, string? Severity);

    private const string RelativePath = "eval/dev.jsonl";

    public static readonly string MissingReason = SharedFolder.MissingReason(RelativePath);

    public static string? FilePath { get; } = SharedFolder.Find(RelativePath);

    public static IReadOnlyList<Line> Lines { get; } = FilePath is null ? [] : Read(FilePath);

    private static IReadOnlyList<Line> Read(string path)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Line>(l, options)!)
            .ToList();
    }
}

/// <summary>A fact that is skipped, with the reason, when dev.jsonl is absent.</summary>
public sealed class DevSetFactAttribute : FactAttribute
{
    public DevSetFactAttribute()
    {
        if (DevSet.FilePath is null) Skip = DevSet.MissingReason;
    }
}
