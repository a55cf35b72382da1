// Micro-benchmark of the message-understanding path: CPU and allocation per message of the crisis check,
// ClinicKnowledge.Understand and the booking message reading, over the load benchmark's turns and the eval sets;
// the crisis check also on every core at once (crisis-all-cores), as concurrent turns run it.
//
//   dotnet run -c Release --project bench/ClinicBot.TextBench -- [--eval DIR] [--runs 3] [--seconds 2]
//                                                                [--sections crisis,crisis-all-cores,understand,booking,latency]
//                                                                [--dump FILE] [--extra FILE]
//
// --eval: folder with dev.jsonl and booking_dev.jsonl (default ../shared/eval next to the repository).
// --dump: also write every result for every message to FILE (diff two builds to prove nothing changed);
// --extra: more texts (one a line) for the dump only. The machine is shared: numbers are per run, not averaged.
using ClinicBot.Language.Loading;
using System.Diagnostics;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;
using ClinicBot.TextBench;

var root = RepositoryRoot();
var options = TextBenchOptions.Parse(args, root);
var content = Path.Combine(AppContext.BaseDirectory, "Content");

// Construction cost, first (cold: includes JIT and the regex set-up) and again (warm).
var sinceStart = Stopwatch.StartNew();
var cold = Stopwatch.StartNew();
var coldDetector = CrisisDetector.Load(new DirectoryContentSource(content));
cold.Stop();
var warm = Stopwatch.StartNew();
var warmDetector = CrisisDetector.Load(new DirectoryContentSource(content));
warm.Stop();
await coldDetector.PatternsCompiled;
var compiledAfter = sinceStart.Elapsed;
await warmDetector.PatternsCompiled;
var knowledgeLoad = Stopwatch.StartNew();
var knowledge = ClinicKnowledge.Load(content);
knowledgeLoad.Stop();
if (knowledge.LoadWarnings.Count > 0) throw new InvalidOperationException(string.Join("; ", knowledge.LoadWarnings));
await knowledge.CrisisPatternsCompiled;
Console.WriteLine($"CrisisDetector construction: {cold.Elapsed.TotalMilliseconds:F1} ms cold, {warm.Elapsed.TotalMilliseconds:F1} ms warm; "
    + $"compiled patterns in use {compiledAfter.TotalMilliseconds:F0} ms after the cold start ({coldDetector.UsesCompiledPatterns}); "
    + $"ClinicKnowledge.Load after it: {knowledgeLoad.Elapsed.TotalMilliseconds:F1} ms");

var messages = MessageSet.Load(root, options);
Console.WriteLine($"messages: {messages.Questions.Count} questions, {messages.BookingTurns.Count} booking turns; {Environment.ProcessorCount} cores");

if (options.DumpFile is { } dump)
{
    ResultDump.Write(dump, knowledge, messages.AllTexts.Concat(messages.Extra));
    Console.WriteLine($"results written to {dump}");
}

var workloads = new Workloads(knowledge, messages);
ClinicBot.Embeddings.SentenceEmbedder? twoThreads = null;
for (var run = 1; run <= options.Runs; run++)
{
    Console.WriteLine($"run {run}:");
    foreach (var (name, pass) in new (string, Func<int>)[] { ("crisis", workloads.Crisis), ("understand", workloads.Understand), ("booking", workloads.Booking) })
    {
        if (options.Sections.Contains(name)) Console.WriteLine("  " + Measurement.Measure(name, pass, options.SecondsPerSection));
    }

    if (options.Sections.Contains("crisis-all-cores"))
    {
        Console.WriteLine("  " + Measurement.Measure("crisis-all-cores", workloads.Crisis, options.SecondsPerSection, Environment.ProcessorCount));
    }

    if (options.Sections.Contains("latency"))
    {
        var learned = ClinicKnowledge.Load(content, ClinicBot.Embeddings.SentenceEmbedder.Shared);
        await learned.ModelsReady;
        Latencies.Print(learned, ClinicBot.Embeddings.SentenceEmbedder.Shared.Cache, messages.Questions);
        twoThreads ??= ClinicBot.Embeddings.SentenceEmbedder.StartLoading(intraOpThreads: 2);
        await twoThreads.Ready;
        var signals = new ClinicBot.Knowledge.Safety.Learned.LearnedCrisisSignals(
            ContentJson.Read<ClinicBot.Knowledge.Safety.Learned.CrisisModelDocument>(new DirectoryContentSource(content), "model/crisis-model.json"),
            ClinicBot.Embeddings.SentenceEmbedder.Shared);
        Latencies.CompareMeaningRuns(signals, ClinicBot.Embeddings.SentenceEmbedder.Shared, twoThreads, messages.Questions, 200);
        Latencies.CompareMeaningRuns(signals, ClinicBot.Embeddings.SentenceEmbedder.Shared, twoThreads, messages.Questions, 2000);
    }
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ClinicBot.sln"))) return dir.FullName;
    }
    throw new DirectoryNotFoundException("ClinicBot.sln not found above " + AppContext.BaseDirectory);
}
