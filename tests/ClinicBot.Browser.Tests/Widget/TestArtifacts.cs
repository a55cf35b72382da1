namespace ClinicBot.Tests.Widget;

/// <summary>Where the browser tests leave screenshots: TestResults/artifacts under the test output folder.</summary>
public static class TestArtifacts
{
    public static string PathFor(string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
