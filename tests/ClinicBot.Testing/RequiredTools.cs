namespace ClinicBot.Testing;

/// <summary>
/// Outside programs some tests need (Chromium for the browser tests, PostgreSQL for the database tests). When one is
/// missing the test is skipped with the reason, so `dotnet test` passes with only the .NET SDK; with
/// CLINICBOT_REQUIRE_ALL_TESTS=1 (set by .ci/run) a missing program fails the test instead.
/// Use from a [SkippableFact] / [SkippableTheory].
/// </summary>
public static class RequiredTools
{
    public const string RequireAllVariable = "CLINICBOT_REQUIRE_ALL_TESTS";

    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>The path of an executable, or a skip (a failure when every test is required).</summary>
    public static string Executable(string name, string path, string reason)
    {
        if (File.Exists(path))
        {
            return path;
        }

        Missing($"{name} not found at {path}: {reason}");
        return path;
    }

    /// <summary>Skips the test with <paramref name="message"/> (a failure when every test is required).</summary>
    public static void Missing(string message)
    {
        if (RequireAll)
        {
            throw new InvalidOperationException($"{message} ({RequireAllVariable}=1, so this is a failure, not a skip).");
        }

        Skip.If(true, message);
    }

    /// <summary>Debian's Chromium (apt-get install chromium fonts-liberation), driven by Playwright.</summary>
    public static string Chromium() => Executable(
        "Chromium",
        Environment.GetEnvironmentVariable("CLINICBOT_CHROMIUM") ?? "/usr/bin/chromium",
        "browser tests need it; install with `apt-get install -y chromium fonts-liberation`");

    /// <summary>
    /// The folder with PostgreSQL's server programs (initdb, pg_ctl): the highest /usr/lib/postgresql/*/bin,
    /// or CLINICBOT_POSTGRES_BIN. Tests that need a database use it only when CLINICBOT_TEST_POSTGRES names no server.
    /// </summary>
    public static string PostgresBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("CLINICBOT_POSTGRES_BIN");
        var folder = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(version => Path.Combine(version, "bin"))
                    .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                    .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                    .LastOrDefault() ?? "/usr/lib/postgresql/<version>/bin"
                : "/usr/lib/postgresql/<version>/bin";
        const string reason = "PostgreSQL tests need a server: set CLINICBOT_TEST_POSTGRES to a superuser connection string, or install PostgreSQL (`apt-get install -y postgresql`) so the tests start their own";
        var initdb = Executable("PostgreSQL initdb", Path.Combine(folder, "initdb"), reason);
        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root; the tests run it as the postgres user that Debian's package creates.
            Executable("runuser", "/usr/sbin/runuser", reason);
            if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
            {
                Missing($"no postgres user to run initdb as (tests run as root): {reason}");
            }
        }

        return Path.GetDirectoryName(initdb)!;
    }
}
