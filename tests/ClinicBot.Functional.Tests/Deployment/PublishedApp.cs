using System.Diagnostics;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Deployment;

/// <summary>
/// `dotnet publish src/ClinicBot -c Release` into a temporary folder, once per test class (on first use, so a test
/// that skips first never pays for it), deleted afterwards: the output a deployment copies to its servers.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder = TempFolder.Create("clinicbot-published");
    private string? _assemblyPath;

    /// <summary>The published ClinicBot.dll, publishing it the first time.</summary>
    public async Task<string> AssemblyPathAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _assemblyPath ??= await PublishAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => TempFolder.TryDelete(_folder);

    private async Task<string> PublishAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", RepositoryRoot.Combine("src", "ClinicBot", "ClinicBot.csproj"), "-c", "Release", "-o", _folder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` hands its own MSBuild's location to the test process; a nested build must find its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout.TotalMinutes:0} minutes.");
        }

        var assembly = Path.Combine(_folder, "ClinicBot.dll");
        if (process.ExitCode != 0 || !File.Exists(assembly))
        {
            var log = string.Join('\n', ((await output) + (await errors)).Split('\n').TakeLast(40));
            throw new InvalidOperationException($"dotnet publish exited with {process.ExitCode}:\n{log}");
        }

        return assembly;
    }
}
