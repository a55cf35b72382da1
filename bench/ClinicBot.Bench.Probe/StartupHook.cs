using System.Globalization;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// Loaded by the runtime before Main when DOTNET_STARTUP_HOOKS names this assembly (the runtime looks
/// for a type called StartupHook outside any namespace). It listens on a Unix domain socket and answers
/// each connection with one line: total allocated bytes, gen0/gen1/gen2 collection counts. No TCP port.
/// </summary>
internal static class StartupHook
{
    private const string SocketVariable = "CLINICBOT_BENCH_PROBE_SOCKET";

    public static void Initialize()
    {
        var socketPath = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrWhiteSpace(socketPath))
        {
            return;
        }

        File.Delete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(4);
        var thread = new Thread(() => Serve(listener)) { IsBackground = true, Name = "bench-probe" };
        thread.Start();
    }

    private static void Serve(Socket listener)
    {
        while (true)
        {
            using var client = listener.Accept();
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{GC.GetTotalAllocatedBytes(precise: true)} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}\n");
            client.Send(Encoding.ASCII.GetBytes(line));
            client.Shutdown(SocketShutdown.Both);
        }
    }
}
