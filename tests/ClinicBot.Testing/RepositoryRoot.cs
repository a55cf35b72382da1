namespace ClinicBot.Testing;

/// <summary>The checked-out repository, found by walking up from the test binaries to ClinicBot.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClinicBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ClinicBot.sln not found above {AppContext.BaseDirectory}");
    }
}
