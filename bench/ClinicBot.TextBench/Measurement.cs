using System.Diagnostics;

namespace ClinicBot.TextBench;

/// <summary>Cost of one workload per message: process CPU, wall time and bytes allocated by the process.</summary>
internal sealed record SectionResult(string Name, long Messages, double CpuMicroseconds, double WallMicroseconds, double Bytes)
{
    public override string ToString() =>
        $"{Name,-16} {CpuMicroseconds,9:F2} us CPU/msg {WallMicroseconds,9:F2} us wall/msg {Bytes,10:F0} B/msg  ({Messages} msgs)";
}

/// <summary>Runs a pass repeatedly for a fixed time after a warm-up long enough for tiered JIT to settle.</summary>
internal static class Measurement
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="pass"/> on <paramref name="threads"/> threads at once. More than one is how concurrent
    /// turns run it: shared state (such as one Regex used by every thread) shows there and not on one thread.
    /// </summary>
    public static SectionResult Measure(string name, Func<int> pass, double seconds, int threads = 1)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp) pass();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        long messages = 0;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            long own = 0;
            while (wall.Elapsed.TotalSeconds < seconds) own += pass();
            Interlocked.Add(ref messages, own);
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());
        wall.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        return new SectionResult(name, messages, cpu.TotalMicroseconds / messages, wall.Elapsed.TotalMicroseconds / messages, (double)bytes / messages);
    }
}
