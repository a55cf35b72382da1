using System.Text.Json;

namespace ClinicBot.Tests.Teams;

/// <summary>
/// Finds the Adaptive Card JSON files of the app, so that cards added later are checked without
/// touching the tests: under src/ and dialogs/, every *.json whose name contains "card" and every
/// *.json inside a folder named Cards (any case); bin/ and obj/ are skipped.
/// </summary>
public static class CardFiles
{
    public static readonly IReadOnlyList<string> SearchedFolders = ["src", "dialogs"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    public static IReadOnlyList<string> Find(string repositoryRoot)
    {
        var found = new List<string>();
        foreach (var folder in SearchedFolders)
        {
            var start = Path.Combine(repositoryRoot, folder);
            if (Directory.Exists(start))
            {
                found.AddRange(Directory.EnumerateFiles(start, "*.json", SearchOption.AllDirectories)
                    .Where(file => IsCardFile(Path.GetRelativePath(repositoryRoot, file))));
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    public static bool IsCardFile(string relativePath)
    {
        var parts = relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        var folders = parts[..^1];
        if (folders.Any(SkippedFolders.Contains) || !parts[^1].EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return parts[^1].Contains("card", StringComparison.OrdinalIgnoreCase)
            || folders.Any(f => f.Equals("cards", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Checks one file. A file may hold one card, or cards nested in a larger JSON document (e.g. a
    /// dictionary of card templates); each object with type AdaptiveCard is checked. A file that looks
    /// like a card (body/actions/version at the root) but is not typed AdaptiveCard is a violation; a
    /// file with no card at all is reported through <see cref="FileCheck.CardCount"/> = 0.
    /// </summary>
    public static FileCheck Check(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            return new FileCheck(path, 0, [$"$: not valid JSON ({e.Message})"]);
        }

        using (document)
        {
            var root = document.RootElement;
            var cards = new List<(JsonElement Card, string Path)>();
            CollectCards(root, "$", cards);
            if (cards.Count == 0 && LooksLikeCard(root))
            {
                return new FileCheck(path, 1, AdaptiveCardRules.Violations(root));
            }

            var violations = cards
                .SelectMany(c => AdaptiveCardRules.Violations(c.Card).Select(v => c.Path == "$" ? v : $"{c.Path} -> {v}"))
                .ToList();
            return new FileCheck(path, cards.Count, violations);
        }
    }

    private static void CollectCards(JsonElement element, string path, List<(JsonElement, string)> cards)
    {
        if (AdaptiveCardRules.IsAdaptiveCard(element))
        {
            cards.Add((element, path)); // nested cards (Action.ShowCard) are checked as part of this one
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                CollectCards(property.Value, $"{path}.{property.Name}", cards);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                CollectCards(item, $"{path}[{i++}]", cards);
            }
        }
    }

    private static bool LooksLikeCard(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (root.TryGetProperty("body", out _) || root.TryGetProperty("actions", out _)
            || root.TryGetProperty("$schema", out var schema) && schema.ToString().Contains("adaptive", StringComparison.OrdinalIgnoreCase));

    public sealed record FileCheck(string Path, int CardCount, IReadOnlyList<string> Violations);
}
