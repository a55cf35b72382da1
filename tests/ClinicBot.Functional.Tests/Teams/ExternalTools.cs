using System.Diagnostics;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

/// <summary>Finds programs on PATH and runs them with a time limit.</summary>
public static class ExternalTools
{
    /// <summary>Set by .ci/run: a test whose outside program is missing fails instead of skipping.</summary>
    public static bool AllTestsRequired => Environment.GetEnvironmentVariable("CLINICBOT_REQUIRE_ALL_TESTS") == "1";

    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        if (!Exists(fileName))
        {
            throw new InvalidOperationException($"{fileName} is not on PATH");
        }

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
}

/// <summary>
/// A fact that is skipped, with the reason, when a program it needs is not on PATH.
/// Each requirement is a program name or alternatives separated by '|', e.g. "zip|python3".
/// With CLINICBOT_REQUIRE_ALL_TESTS=1 it never skips, so a missing program fails the test.
/// </summary>
public sealed class FactWhenToolsExistAttribute : FactAttribute
{
    public FactWhenToolsExistAttribute(params string[] requirements)
    {
        var missing = requirements.Where(r => !r.Split('|').Any(ExternalTools.Exists)).ToList();
        if (missing.Count > 0 && !ExternalTools.AllTestsRequired)
        {
            Skip = $"needs {string.Join(" and ", missing.Select(m => m.Replace("|", " or ")))} on PATH";
        }
    }
}
