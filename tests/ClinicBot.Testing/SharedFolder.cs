namespace ClinicBot.Testing;

/// <summary>
/// The project's `shared` folder (evaluation sets and the seed page), which CI checks out beside the repository
/// (&lt;repo&gt;/../shared; worktrees sit deeper, so every folder above the repository is tried). The repository
/// stands alone without it: tests that need it skip, and stay skipped even with CLINICBOT_REQUIRE_ALL_TESTS=1,
/// because it is not something a machine installs.
/// </summary>
public static class SharedFolder
{
    /// <summary>The full path of shared/<paramref name="relativePath"/>, or null when there is no such file.</summary>
    public static string? Find(string relativePath)
    {
        for (var dir = Directory.GetParent(RepositoryRoot.Path); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string MissingReason(string relativePath) =>
        $"shared/{relativePath} not found beside the repository (<repo>/../shared/{relativePath}); CI has it there";
}

/// <summary>A fact that is skipped, with the reason, when a file of the shared folder is absent.</summary>
public sealed class SharedFileFactAttribute : FactAttribute
{
    public SharedFileFactAttribute(string relativePath)
    {
        if (SharedFolder.Find(relativePath) is null)
        {
            Skip = SharedFolder.MissingReason(relativePath);
        }
    }
}
