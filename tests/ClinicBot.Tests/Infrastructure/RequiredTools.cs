namespace ClinicBot.Tests.Infrastructure;

/// <summary>
/// Outside programs some tests need (Chromium for the browser tests; later e.g. PostgreSQL). When one is
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

        var message = $"{name} not found at {path}: {reason}";
        if (RequireAll)
        {
            throw new InvalidOperationException($"{message} ({RequireAllVariable}=1, so this is a failure, not a skip).");
        }

        Skip.If(true, message);
        return path;
    }

    /// <summary>Debian's Chromium (apt-get install chromium chromium-driver fonts-liberation).</summary>
    public static string Chromium() => Executable(
        "Chromium",
        Environment.GetEnvironmentVariable("CLINICBOT_CHROMIUM") ?? "/usr/bin/chromium",
        "browser tests need it; install with `apt-get install -y chromium chromium-driver fonts-liberation`");

    /// <summary>Debian's chromedriver, for Selenium-based tests.</summary>
    public static string ChromeDriver() => Executable(
        "chromedriver",
        Environment.GetEnvironmentVariable("CLINICBOT_CHROMEDRIVER") ?? "/usr/bin/chromedriver",
        "Selenium browser tests need it; install with `apt-get install -y chromium-driver`");
}
