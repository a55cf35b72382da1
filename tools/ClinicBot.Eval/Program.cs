using System.Globalization;

namespace ClinicBot.Eval;

/// <summary>Runs labelled message sets and scripted bookings through the real bot.</summary>
public static class EvalCommand
{
    private const string Usage = """
        usage:
          ClinicBot.Eval topics FILE.jsonl --out PRED.jsonl [--now 2026-11-30T10:00:00-06:00]
          ClinicBot.Eval booking FILE.jsonl --out RESULTS.jsonl [--now 2026-11-30T10:00:00-06:00]
          ClinicBot.Eval crisis FILE.jsonl --out RESULTS.jsonl [--now 2026-11-30T10:00:00-06:00]
        --now defaults to Monday 2026-11-30 10:00 America/Chicago.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("topics" or "booking" or "crisis"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var input = args[1];
        var output = OptionValue(args, "--out") ?? Path.ChangeExtension(input, ".pred.jsonl");
        var nowText = OptionValue(args, "--now");
        var now = nowText is null
            ? new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-6))
            : DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture);

        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"no such file: {input}");
            return 2;
        }

        return args[0] switch
        {
            "topics" => await TopicsEvaluation.RunAsync(input, output, now),
            "crisis" => await CrisisEvaluation.RunAsync(input, output, now),
            _ => await BookingEvaluation.RunAsync(input, output, now),
        };
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
