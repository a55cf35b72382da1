namespace ClinicBot.Testing;

/// <summary>The clinic's web page, verbatim: the source the content is grounded in (kept in the content folder).</summary>
public static class ClinicPage
{
    public static string Path { get; } = RepositoryRoot.Combine("src", "ClinicBot.Knowledge", "Content", "clinic-page.txt");

    public static string Text => File.ReadAllText(Path);
}
