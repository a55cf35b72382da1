using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ClinicBot.Tests.Infrastructure;

/// <summary>
/// The real app as a separate OS process (<c>dotnet ClinicBot.dll</c>) on its own loopback port, configured
/// through environment variables only, as a deployment would be. It can be killed (SIGKILL), asked to stop
/// (SIGTERM) and started again on the same port with the same settings.
/// </summary>
/// <remarks>
/// The app is run from its own build output, src/ClinicBot/bin/&lt;Configuration&gt;/&lt;tfm&gt;/ClinicBot.dll: the test
/// project references the app, so building the tests builds it there first, with its runtimeconfig.json,
/// deps.json, content files and appsettings (the copy of ClinicBot.dll next to the tests has none of those).
/// <see cref="AppBuild"/> checks that build is the same one the tests were compiled against.
/// </remarks>
public sealed class AppProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    // Generous: a busy CI machine can take half a minute to start the app; only a failing start waits this long.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly AppLaunch _launch;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private AppProcess(string name, int port, IReadOnlyDictionary<string, string> settings, AppLaunch launch)
    {
        Name = name;
        Port = port;
        _settings = settings;
        _launch = launch;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client for this instance; it survives restarts (same port).</summary>
    public HttpClient Client { get; }

    public int? ProcessId => _process?.Id;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far (all runs), one line per entry.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>
    /// Starts the app on a free loopback port, Development environment (anonymous Bot Framework requests), with
    /// <paramref name="settings"/> as configuration keys ("Storage:Provider" style; passed as Storage__Provider).
    /// Returns once /health/ready answers 200.
    /// </summary>
    public static Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings) =>
        StartAsync(name, settings, new AppLaunch(AppBuild.AssemblyPath, "Development"));

    /// <summary>As above, from another build of the app (a published folder) and in another environment.</summary>
    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, AppLaunch launch)
    {
        var app = new AppProcess(name, FreeLoopbackPort(), settings, launch);
        try
        {
            await app.RestartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Starts the process again (after a kill or exit) on the same port and waits until it is ready.</summary>
    public async Task RestartAsync(bool waitForReady = true)
    {
        if (!HasExited)
        {
            throw new InvalidOperationException($"{Name} is still running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_launch.AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_launch.AssemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _launch.Environment;
        start.Environment["DOTNET_ENVIRONMENT"] = _launch.Environment;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        // Load and crash tests book hundreds of calls from this one loopback address: no daily cap unless a test sets one.
        start.Environment["Abuse__BookingsPerClientPerDay"] = "0";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {Name}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (waitForReady)
        {
            await WaitForStatusAsync("/health/ready", HttpStatusCode.OK, ReadyTimeout);
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="status"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForStatusAsync(string path, HttpStatusCode status, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (clock.Elapsed < timeout)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} while waiting for {path}:\n{Tail()}");
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await Client.GetAsync(path, probe.Token);
                last = response.StatusCode;
                if (last == status)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name}: {path} did not answer {(int)status} within {timeout.TotalSeconds:0} s (last: {(last is null ? "no answer" : ((int)last).ToString())}).\n{Tail()}");
    }

    /// <summary>SIGKILL: the process dies at once, mid-request, with nothing flushed.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: asks the process to shut down gracefully, as a container host does.</summary>
    public void Terminate()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        if (Kill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit; returns its exit code, or null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Client.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>Which ClinicBot.dll an <see cref="AppProcess"/> runs, and in which ASP.NET Core environment.</summary>
public sealed record AppLaunch(string AssemblyPath, string Environment);

/// <summary>Where the app's own build output is, found from the test assembly's location and build configuration.</summary>
public static class AppBuild
{
    private static readonly Lazy<string> Assembly = new(Locate);

    public static string AssemblyPath => Assembly.Value;

    public static string Folder => Path.GetDirectoryName(AssemblyPath)!;

    private static string Locate()
    {
        var testAssembly = typeof(AppBuild).Assembly;
        var configuration = testAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var testFolder = AppContext.BaseDirectory;
        var framework = new DirectoryInfo(testFolder.TrimEnd(Path.DirectorySeparatorChar)).Name;

        var root = new DirectoryInfo(testFolder);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ClinicBot.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"ClinicBot.sln not found above {testFolder}.");
        }

        var path = Path.Combine(root.FullName, "src", "ClinicBot", "bin", configuration, framework, "ClinicBot.dll");
        if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"The app's build output is missing at {path}; build the tests (which builds the app) first.");
        }

        // The copy next to the tests comes from the same build; a different file means a stale app build.
        var besideTests = Path.Combine(testFolder, "ClinicBot.dll");
        if (File.Exists(besideTests) && !File.ReadAllBytes(besideTests).AsSpan().SequenceEqual(File.ReadAllBytes(path)))
        {
            throw new InvalidOperationException($"{path} differs from the ClinicBot.dll the tests were built with; rebuild.");
        }

        return path;
    }
}
