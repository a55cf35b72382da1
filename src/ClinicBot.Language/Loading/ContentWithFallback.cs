namespace ClinicBot.Language.Loading;

/// <summary>
/// Loads content from a folder a deployment may edit, and falls back to the copy embedded in the assembly when the
/// folder is missing or a file is broken, saying why in the warnings.
/// </summary>
public static class ContentWithFallback
{
    public static T Load<T>(IContentSource folder, IContentSource embedded, Func<IContentSource, T> load, ICollection<string> warnings) =>
        Load(folder, embedded, load, warnings, out _);

    /// <summary>As <see cref="Load{T}(IContentSource, IContentSource, Func{IContentSource, T}, ICollection{string})"/>, also giving the source that was used.</summary>
    public static T Load<T>(IContentSource folder, IContentSource embedded, Func<IContentSource, T> load, ICollection<string> warnings, out IContentSource used)
    {
        try
        {
            used = folder;
            return load(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            warnings.Add($"Content from {folder.Description} could not be used ({ex.Message}); using the embedded content.");
            used = embedded;
            return load(embedded);
        }
    }
}
