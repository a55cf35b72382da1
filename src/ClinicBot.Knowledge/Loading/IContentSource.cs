namespace ClinicBot.Knowledge.Loading;

/// <summary>Where the content files come from: the Content folder on disk, or the copy embedded in the assembly.</summary>
public interface IContentSource
{
    string Description { get; }

    /// <summary>Text of a file by its path relative to the content root ("topics/fax.json"); throws when missing.</summary>
    string ReadText(string relativePath);

    /// <summary>Relative paths of the files directly inside a folder whose names end with <paramref name="extension"/>.</summary>
    IReadOnlyList<string> List(string folder, string extension);
}

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

/// <summary>The content files as built into the assembly: the fallback when the folder is missing or broken.</summary>
public sealed class EmbeddedContentSource : IContentSource
{
    private const string Prefix = "ClinicBot.Knowledge.Content/";
    private static readonly System.Reflection.Assembly Assembly = typeof(EmbeddedContentSource).Assembly;

    public static EmbeddedContentSource Instance { get; } = new();

    public string Description => "embedded content";

    public string ReadText(string relativePath)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + relativePath)
            ?? throw new FileNotFoundException($"No embedded content file '{relativePath}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public IReadOnlyList<string> List(string folder, string extension) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder + "/", StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Where(p => !p[(folder.Length + 1)..].Contains('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
