namespace ClinicBot.Language.Loading;

/// <summary>Where the content files come from: the Content folder on disk, or the copy embedded in the assembly.</summary>
public interface IContentSource
{
    string Description { get; }

    /// <summary>Text of a file by its path relative to the content root ("topics/fax.json"); throws when missing.</summary>
    string ReadText(string relativePath);

    /// <summary>Relative paths of the files directly inside a folder whose names end with <paramref name="extension"/>.</summary>
    IReadOnlyList<string> List(string folder, string extension);
}

