namespace ClinicBot.Language.Loading;

/// <summary>
/// Where the shared word lists (Content/ of this project) come from: Content/language/ next to the app, which a
/// deployment may edit, or the copy embedded in this assembly.
/// </summary>
public static class LanguageContent
{
    public static EmbeddedContentSource Embedded { get; } = new(typeof(LanguageContent).Assembly, "ClinicBot.Language.Content/");

    /// <summary>Content/language/ next to the application.</summary>
    public static DirectoryContentSource DefaultFolder { get; } = new(Path.Combine(AppContext.BaseDirectory, "Content", "language"));
}
