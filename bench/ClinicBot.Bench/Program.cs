using System.Globalization;
using ClinicBot.Bench;
using ClinicBot.Bench.Hosting;
using ClinicBot.Bench.Load;
using ClinicBot.Bench.Reporting;
using ClinicBot.Bench.Sink;

BenchOptions options;
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

try
{
    options = BenchOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var deadline = new CancellationTokenSource(options.Deadline);
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    deadline.Cancel();
};

var layout = RepositoryLayout.Locate();
var workFolder = Directory.CreateTempSubdirectory("clinicbot-bench-").FullName;
var mix = ConversationMix.Load(Path.Combine(AppContext.BaseDirectory, "conversations.json"));
using var http = LoopbackHttp.CreateClient(maxConnectionsPerServer: 1024);
await using var sink = await ChannelSink.StartAsync();

Console.WriteLine("ClinicBot benchmark (loopback only)");
Console.WriteLine(MachineDescription.Describe());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"build: {layout.Configuration}; servers: separate processes, GC {options.GcMode ?? "as each app configures it"}; per server {options.InitialWarmup.TotalSeconds:0.#} s warm-up, then per cell {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Measure.TotalSeconds:0.#} s measured"));
if (options.ServerEnvironment.Count > 0)
{
    Console.WriteLine($"server environment: {string.Join(" ", options.ServerEnvironment.Select(variable => $"{variable.Key}={variable.Value}"))}");
}

Console.WriteLine($"load average at start: {MachineDescription.LoadAverage()} (other processes on this machine share its cores)");
Console.WriteLine($"mix: {string.Join(", ", mix.Scripts.GroupBy(script => script.Kind).Select(group => $"{group.Key} {group.Sum(script => script.Weight)}"))} (weights; each conversation starts with conversationUpdate)");
Console.WriteLine();

var results = new List<CellResult>();
try
{
    if (options.StartupSamples > 0)
    {
        // The bare endpoint is timed alongside as a reference for what the runtime and machine cost by themselves.
        var startups = new Dictionary<string, List<double>> { [BenchTargets.ClinicBot] = [], [BenchTargets.Bare] = [] };
        for (var sample = 0; sample < options.StartupSamples; sample++)
        {
            foreach (var (target, times) in startups)
            {
                using var server = ServerProcess.Start(BenchTargets.For(target, layout, workFolder), layout.ProbeDll, workFolder, options.GcMode, options.ServerEnvironment);
                times.Add((await server.WaitReadyAsync(http, TimeSpan.FromSeconds(30), deadline.Token)).TotalMilliseconds);
            }
        }

        foreach (var (target, times) in startups)
        {
            var readyPath = target == BenchTargets.ClinicBot ? "first 200 from /health/ready, fresh database" : "first HTTP answer";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"start_to_ready_ms {target}: {string.Join(" ", times.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}  (median {times.Order().ElementAt(times.Count / 2):0}; process start to {readyPath})"));
        }

        Console.WriteLine();
    }

    Console.WriteLine(CellResult.Header);
    foreach (var target in options.Targets)
    {
        using var server = ServerProcess.Start(BenchTargets.For(target, layout, workFolder), layout.ProbeDll, workFolder, options.GcMode, options.ServerEnvironment);
        await server.WaitReadyAsync(http, TimeSpan.FromSeconds(30), deadline.Token);
        ITurnDriver driver = target == BenchTargets.ClinicBotDirectLine
            ? new DirectLineDriver(http, server.BaseAddress)
            : new BotFrameworkDriver(http, new Uri(server.BaseAddress, "api/messages"), sink.ServiceUrl);

        var unavailable = target == BenchTargets.ClinicBotDirectLine ? await DirectLineProbe.WhyUnavailableAsync(http, server.BaseAddress, deadline.Token) : null;
        if (unavailable is null)
        {
            // A fresh process JITs and builds its lazy singletons (knowledge, dialogs, clients) on the first
            // turns: run the whole mix once at the highest level, unmeasured, so every row sees a warm server.
            await new LoadRunner(driver, mix, target + "-warmup").RunAsync(
                options.Levels.Max(), options.InitialWarmup, TimeSpan.Zero, options.MaxTurnsPerCell, _ => Task.CompletedTask, _ => Task.CompletedTask, deadline.Token);
        }

        foreach (var level in options.Levels)
        {
            var cell = unavailable is null
                ? await MeasureCellAsync(target, level, server, driver)
                : CellResult.Unavailable(target, level, unavailable);
            results.Add(cell);
            Console.WriteLine(cell.Format());
        }
    }
}
catch (OperationCanceledException) when (deadline.IsCancellationRequested)
{
    Console.WriteLine("Stopped: the run reached its time limit or was interrupted; results so far follow.");
}
finally
{
    try
    {
        Directory.Delete(workFolder, recursive: true);
    }
    catch (IOException)
    {
        // A server still closing its database; the temp folder is cleaned by the OS.
    }
}

Console.WriteLine();
Console.WriteLine($"load average at end: {MachineDescription.LoadAverage()}");
Console.WriteLine(Summary.Targets(results, options.Levels.Max()));
Console.WriteLine(Summary.FinalLine(results, options.Levels.Max()));
return 0;

async Task<CellResult> MeasureCellAsync(string target, int level, ServerProcess server, ITurnDriver driver)
{
    ProbeSample? before = null;
    ProbeSample? after = null;
    long repliesBefore = 0;
    long repliesAfter = 0;
    var runner = new LoadRunner(driver, mix, target);
    var window = await runner.RunAsync(
        level,
        options.Warmup,
        options.Measure,
        options.MaxTurnsPerCell,
        async token =>
        {
            repliesBefore = sink.Replies;
            before = await server.ReadProbeAsync(token);
        },
        async token =>
        {
            repliesAfter = sink.Replies;
            after = await server.ReadProbeAsync(token);
        },
        deadline.Token);

    var turns = Math.Max(window.Turns, 1);
    var usesSink = target is BenchTargets.ClinicBot or BenchTargets.StockEcho;
    var note = window.Errors > 0 ? $"first error: {window.FirstError}" : null;
    return new CellResult(
        target,
        level,
        window.TurnsPerSecond,
        window.Percentile(0.50),
        window.Percentile(0.95),
        window.Percentile(0.99),
        (after!.AllocatedBytes - before!.AllocatedBytes) / 1024.0 / turns,
        (after.CpuTime - before.CpuTime).TotalMilliseconds / turns,
        server.PeakRssBytes() / 1024.0 / 1024.0,
        window.Turns,
        window.Errors,
        usesSink ? (repliesAfter - repliesBefore) / (double)turns : null,
        note);
}
