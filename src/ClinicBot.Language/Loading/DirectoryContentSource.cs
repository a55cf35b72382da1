namespace ClinicBot.Language.Loading;

/// <summary>Content files in a folder on disk (the Content folder copied next to the app, or a deployment's own).</summary>
public sealed class DirectoryContentSource(string root) : IContentSource
{
    public string Description => $"folder {root}";

    public string ReadText(string relativePath) => File.ReadAllText(Path.Combine(root, relativePath));

    public IReadOnlyList<string> List(string folder, string extension)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Content folder '{folder}' is missing.");
        return Directory.EnumerateFiles(directory, "*" + extension)
            .Select(f => folder + "/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
