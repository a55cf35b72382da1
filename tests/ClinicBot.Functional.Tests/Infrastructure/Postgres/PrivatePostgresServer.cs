using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL server of the test's own: initdb into a temporary folder, then pg_ctl on a free loopback port
/// (trust authentication, unix socket in the folder, fsync off for speed). <see cref="Stop"/> and
/// <see cref="Start"/> let fault tests take the database away and bring it back on the same port; dispose
/// stops it and deletes the folder. As root (CI, containers) initdb and pg_ctl run as the postgres user,
/// which Debian's postgresql package creates. Use <see cref="StartNew"/> from a [SkippableFact].
/// </summary>
public sealed class PrivatePostgresServer : IDisposable
{
    private const string FolderPrefix = "clinicbot-pg-";

    private readonly string _binaries;
    private readonly bool _asPostgresUser;
    private bool _running;

    private PrivatePostgresServer(string binaries, string folder, int port, bool asPostgresUser)
    {
        _binaries = binaries;
        Folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public string Folder { get; }

    public int Port { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>Superuser connection to the server's "postgres" database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Creates and starts a server; skips the test (fails with CLINICBOT_REQUIRE_ALL_TESTS=1) when PostgreSQL is not installed.</summary>
    public static PrivatePostgresServer StartNew()
    {
        var binaries = RequiredTools.PostgresBinaries();
        var asPostgresUser = Environment.UserName == "root";
        DeleteStaleFolders();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new PrivatePostgresServer(binaries, folder, FreeLoopbackPort(), asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                Run("chown", ["-R", "postgres:postgres", folder]);
            }

            server.RunTool("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            server.Start();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Starts (again) on the same port and waits until it accepts connections.</summary>
    public void Start()
    {
        var options = string.Join(' ',
            $"-p {Port}",
            $"-k {Folder}",
            "-c listen_addresses=127.0.0.1",
            "-c max_connections=300",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off");
        RunTool("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        _running = true;
    }

    /// <summary>Stops the server: "fast" ends sessions cleanly; "immediate" is like a crash.</summary>
    public void Stop(bool immediate = false)
    {
        if (!_running)
        {
            return;
        }

        RunTool("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"]);
        _running = false;
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        try
        {
            Stop(immediate: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder is deleted below either way.
        }

        // The postmaster may still be finishing its last writes into the folder just after pg_ctl returns.
        for (var attempt = 0; attempt < 20 && Directory.Exists(Folder); attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Stops the server and deletes its folder from a detached shell, for process exit: the test host may be ended
    /// before a cleanup it waits for could finish.
    /// </summary>
    public void DisposeDetached()
    {
        var pgCtl = Path.Combine(_binaries, "pg_ctl");
        var stop = $"{pgCtl} -D {DataDirectory} -m immediate -w -t 60 stop";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{(_asPostgresUser ? "runuser -u postgres -- " : string.Empty)}{stop} >/dev/null 2>&1; rm -rf {Folder}");
        Process.Start(start)?.Dispose();
    }

    /// <summary>
    /// Folders of servers from earlier test runs that are stopped (no postmaster.pid) and untouched for an hour:
    /// a test host that is stopped abruptly cannot clean up its shared server's folder.
    /// </summary>
    private static void DeleteStaleFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or in use: leave it.
                }
            }
        }
    }

    private void RunTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binaries, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} did not finish in 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', [Path.GetFileName(fileName), .. arguments])} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
