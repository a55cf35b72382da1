using System.Globalization;

namespace ClinicBot.Bench;

/// <summary>Command-line settings. Every run is bounded: per-cell time and turn caps plus an overall deadline.</summary>
public sealed record BenchOptions(
    TimeSpan InitialWarmup,
    TimeSpan Warmup,
    TimeSpan Measure,
    IReadOnlyList<int> Levels,
    IReadOnlyList<string> Targets,
    int StartupSamples,
    long MaxTurnsPerCell,
    TimeSpan Deadline,
    string? GcMode,
    IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public static readonly IReadOnlyList<string> AllTargets = ["clinicbot", "stock-echo", "bare", "clinicbot-directline"];

    public const string Usage = """
        Usage: dotnet run --project bench/ClinicBot.Bench -c Release [-- options]
          --initial-warmup <sec>   unmeasured run of the whole mix when a server has started (default 4)
          --warmup <seconds>       warm-up per cell before measuring (default 2)
          --seconds <seconds>      measuring window per cell (default 5)
          --levels 1,8,32          concurrent conversations (default 1,8,32; at most 256)
          --targets a,b,...        clinicbot, stock-echo, bare, clinicbot-directline (default all)
          --startup-samples <n>    cold starts of ClinicBot timed to /health/ready (default 3)
          --gc server|workstation  force the servers' GC mode (default: each app's own setting)
          --server-env NAME=VALUE  an environment variable for every server started (repeatable; for A/B runs of runtime knobs)
        Loopback only; the whole run stops by itself after at most 10 minutes.
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(
            InitialWarmup: TimeSpan.FromSeconds(4),
            Warmup: TimeSpan.FromSeconds(2),
            Measure: TimeSpan.FromSeconds(5),
            Levels: [1, 8, 32],
            Targets: AllTargets,
            StartupSamples: 3,
            MaxTurnsPerCell: 1_000_000,
            Deadline: TimeSpan.FromMinutes(10),
            GcMode: null,
            ServerEnvironment: new Dictionary<string, string>());

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--warmup" => options with { Warmup = Seconds(Next(), 0, 60) },
                "--initial-warmup" => options with { InitialWarmup = Seconds(Next(), 0, 60) },
                "--seconds" => options with { Measure = Seconds(Next(), 1, 60) },
                "--levels" => options with { Levels = Next().Split(',').Select(level => Bounded(int.Parse(level, CultureInfo.InvariantCulture), 1, 256)).ToArray() },
                "--targets" => options with { Targets = ParseTargets(Next()) },
                "--startup-samples" => options with { StartupSamples = Bounded(int.Parse(Next(), CultureInfo.InvariantCulture), 0, 10) },
                "--gc" => options with { GcMode = Next() is "server" or "workstation" ? args[i] : throw new ArgumentException("--gc takes server or workstation.") },
                "--server-env" => options with { ServerEnvironment = WithVariable(options.ServerEnvironment, Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static string[] ParseTargets(string value)
    {
        var targets = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = targets.Except(AllTargets).ToArray();
        return unknown.Length == 0 ? targets : throw new ArgumentException($"Unknown target(s): {string.Join(", ", unknown)}.");
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> environment, string assignment)
    {
        var separator = assignment.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new ArgumentException("--server-env takes NAME=VALUE.");
        }

        return new Dictionary<string, string>(environment) { [assignment[..separator]] = assignment[(separator + 1)..] };
    }

    private static TimeSpan Seconds(string value, double min, double max) =>
        TimeSpan.FromSeconds(Math.Clamp(double.Parse(value, CultureInfo.InvariantCulture), min, max));

    private static int Bounded(int value, int min, int max) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{value} is outside {min}..{max}.");
}
