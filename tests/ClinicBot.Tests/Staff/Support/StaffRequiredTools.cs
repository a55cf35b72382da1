namespace ClinicBot.Tests.Staff.Support;

/// <summary>
/// Skips a test when a machine tool (chromium) is missing, unless CLINICBOT_REQUIRE_ALL_TESTS=1 (CI), where a
/// missing tool fails the test. A stand-in for the shared Infrastructure/RequiredTools the widget helper owns.
/// </summary>
public static class StaffRequiredTools
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    public static void RequireChromium()
    {
        var missing = new[] { ChromiumPath, ChromeDriverPath }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var message = $"missing {string.Join(", ", missing)} (apt-get install -y chromium chromium-driver fonts-liberation)";
        if (Environment.GetEnvironmentVariable("CLINICBOT_REQUIRE_ALL_TESTS") == "1")
        {
            Assert.Fail(message);
        }

        Skip.If(true, message);
    }
}
