using System.Reflection;

namespace ClinicBot.Language.Loading;

/// <summary>
/// The content files as built into an assembly (resources named <paramref name="prefix"/> + relative path): the
/// fallback when the folder is missing or broken.
/// </summary>
public sealed class EmbeddedContentSource(Assembly assembly, string prefix) : IContentSource
{
    public string Description => "embedded content";

    public string ReadText(string relativePath)
    {
        using var stream = assembly.GetManifestResourceStream(prefix + relativePath)
            ?? throw new FileNotFoundException($"No embedded content file '{relativePath}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public IReadOnlyList<string> List(string folder, string extension) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix + folder + "/", StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .Where(p => !p[(folder.Length + 1)..].Contains('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
