using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ClinicBot.Bench.Hosting;

/// <summary>
/// One server under test, running as a child process on a loopback port, with the allocation probe
/// loaded as a startup hook. Disposing it kills exactly that child (by its process id).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _recentOutput = new();
    private readonly long _startedAt;

    private ServerProcess(Process process, ServerSpec spec, int port, string probeSocket, long startedAt)
    {
        _process = process;
        Spec = spec;
        Port = port;
        ProbeSocket = probeSocket;
        _startedAt = startedAt;
    }

    public ServerSpec Spec { get; }

    public int Port { get; }

    public Uri BaseAddress => LoopbackHttp.Address(Port);

    private string ProbeSocket { get; }

    public static ServerProcess Start(ServerSpec spec, string probeDll, string workFolder, string? gcMode, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var port = LoopbackHttp.FreePort();
        var probeSocket = Path.Combine(workFolder, $"probe-{spec.Name}-{port}.sock");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(spec.DllPath)!,
        };
        startInfo.ArgumentList.Add(spec.DllPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_STARTUP_HOOKS"] = probeDll;
        startInfo.Environment["CLINICBOT_BENCH_PROBE_SOCKET"] = probeSocket;
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        if (gcMode is not null)
        {
            startInfo.Environment["DOTNET_gcServer"] = gcMode == "server" ? "1" : "0";
        }

        foreach (var (name, value) in spec.Environment.Concat(extraEnvironment))
        {
            startInfo.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {spec.Name}.");
        var server = new ServerProcess(process, spec, port, probeSocket, startedAt);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls the ready path every 10 ms; returns the time from process start to the first ready answer.</summary>
    public async Task<TimeSpan> WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var readyUri = new Uri(BaseAddress, Spec.ReadyPath);
        while (Stopwatch.GetElapsedTime(_startedAt) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Spec.Name} exited with code {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(readyUri, cancellationToken).ConfigureAwait(false);
                if (!Spec.ReadyNeedsSuccess || response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(_startedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Spec.Name} was not ready within {timeout.TotalSeconds:0} s:\n{RecentOutput}");
    }

    /// <summary>Allocated bytes and GC counts, read from inside the server by the startup-hook probe.</summary>
    public async Task<ProbeSample> ReadProbeAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(ProbeSocket), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[256];
        var total = 0;
        int read;
        while ((read = await socket.ReceiveAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        var fields = Encoding.ASCII.GetString(buffer, 0, total).Trim().Split(' ');
        _process.Refresh();
        return new ProbeSample(
            AllocatedBytes: long.Parse(fields[0], CultureInfo.InvariantCulture),
            Gen0: int.Parse(fields[1], CultureInfo.InvariantCulture),
            Gen1: int.Parse(fields[2], CultureInfo.InvariantCulture),
            Gen2: int.Parse(fields[3], CultureInfo.InvariantCulture),
            CpuTime: _process.TotalProcessorTime);
    }

    /// <summary>Peak resident set size so far (VmHWM from /proc), in bytes.</summary>
    public long PeakRssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public string RecentOutput
    {
        get
        {
            lock (_recentOutput)
            {
                return string.Join('\n', _recentOutput);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            while (_recentOutput.Count > KeptOutputLines)
            {
                _recentOutput.Dequeue();
            }
        }
    }
}

public sealed record ProbeSample(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan CpuTime);
