using System.Text.Json;

namespace ClinicBot.Tests.Knowledge;

/// <summary>The labelled development messages (shared/eval/dev.jsonl, cloned next to the repo).</summary>
public static class DevSet
{
    public sealed record Line(string Text, string Topic, string? Secondary, string? Severity);

    public const string MissingReason = "shared/eval/dev.jsonl was not found next to the repository (<repo>/../shared/eval/dev.jsonl).";

    public static string? FilePath { get; } = LocateShared(Path.Combine("eval", "dev.jsonl"));

    /// <summary>The clinic's page, verbatim (shared/seed/clinic-page.txt), or null when absent.</summary>
    public static string? ClinicPagePath { get; } = LocateShared(Path.Combine("seed", "clinic-page.txt"));

    public static IReadOnlyList<Line> Lines { get; } = FilePath is null ? [] : Read(FilePath);

    private static IReadOnlyList<Line> Read(string path)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Line>(l, options)!)
            .ToList();
    }

    /// <summary>The repo is cloned beside a `shared` folder; a git worktree may sit deeper, so every ancestor is tried.</summary>
    private static string? LocateShared(string relativePath)
    {
        var repo = RepoRoot();
        for (var dir = repo is null ? null : Directory.GetParent(repo); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClinicBot.sln"))) return dir.FullName;
        }
        return null;
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

/// <summary>A fact that is skipped, with the reason, when the clinic page seed file is absent.</summary>
public sealed class ClinicPageFactAttribute : FactAttribute
{
    public ClinicPageFactAttribute()
    {
        if (DevSet.ClinicPagePath is null) Skip = "shared/seed/clinic-page.txt was not found next to the repository.";
    }
}
