namespace ClinicBot.Language.Loading;

/// <summary>
/// A word-list content file: named lists of lower-case, accent-free words or phrases
/// (<c>{ "yes": ["yes", "yeah"], "yesPhrases": ["looks good"] }</c>). A missing list is a broken file.
/// </summary>
public sealed class WordLists
{
    private readonly string _file;
    private readonly Dictionary<string, List<string>> _lists;

    private WordLists(string file, Dictionary<string, List<string>> lists)
    {
        _file = file;
        _lists = lists;
    }

    public static WordLists Read(IContentSource source, string relativePath) =>
        new(relativePath, ContentJson.Read<Dictionary<string, List<string>>>(source, relativePath));

    /// <summary>The list as written; throws <see cref="InvalidDataException"/> when the file lacks it.</summary>
    public IReadOnlyList<string> List(string name) =>
        _lists.TryGetValue(name, out var list) ? list : throw new InvalidDataException($"Content file '{_file}' has no list '{name}'.");

    public HashSet<string> Set(string name, StringComparer? comparer = null) => List(name).ToHashSet(comparer ?? StringComparer.Ordinal);

    /// <summary>Each phrase of the list as its words ("looks good" → ["looks", "good"]).</summary>
    public string[][] Phrases(string name) => List(name).Select(p => p.Split(' ')).ToArray();
}
