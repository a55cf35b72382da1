using System.Globalization;
using ClinicBot.Bench.Hosting;

namespace ClinicBot.Bench.Reporting;

/// <summary>The issue's targets for ClinicBot on /api/messages at the highest concurrency, and the one-line result.</summary>
public static class Summary
{
    public static string Targets(IReadOnlyList<CellResult> results, int level)
    {
        var (bot, echo, bare) = Cells(results, level);
        if (bot is null)
        {
            return "targets: not evaluated (no clinicbot row at the highest level)";
        }

        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"targets for clinicbot at {level} conversations:") };
        if (echo is not null)
        {
            lines.Add(Check("turns/s >= 20x stock echo", bot.TurnsPerSecond / echo.TurnsPerSecond, 20, atLeast: true, "x"));
        }

        if (bare is not null)
        {
            lines.Add(Check("turns/s >= 1/10 of bare", bot.TurnsPerSecond / bare.TurnsPerSecond, 0.1, atLeast: true, ""));
        }

        lines.Add(Check("p99 <= 50 ms", bot.P99Ms, 50, atLeast: false, " ms"));
        lines.Add(Check("peak RSS <= 250 MB", bot.PeakRssMb, 250, atLeast: false, " MB"));
        return string.Join(Environment.NewLine, lines);
    }

    public static string FinalLine(IReadOnlyList<CellResult> results, int level)
    {
        var (bot, echo, bare) = Cells(results, level);
        return string.Create(CultureInfo.InvariantCulture,
            $"ratio_vs_stock_echo: {Ratio(bot, echo)} ratio_vs_bare: {Ratio(bot, bare)} p99_ms: {Value(bot?.P99Ms, "0.0")} rss_mb: {Value(bot?.PeakRssMb, "0")}");
    }

    private static (CellResult? Bot, CellResult? Echo, CellResult? Bare) Cells(IReadOnlyList<CellResult> results, int level)
    {
        CellResult? Find(string target) => results.FirstOrDefault(cell => cell.Target == target && cell.Concurrency == level && cell.Turns > 0);
        return (Find(BenchTargets.ClinicBot), Find(BenchTargets.StockEcho), Find(BenchTargets.Bare));
    }

    private static string Ratio(CellResult? numerator, CellResult? denominator) =>
        numerator is null || denominator is null ? "n/a" : Value(numerator.TurnsPerSecond / denominator.TurnsPerSecond, "0.000");

    private static string Value(double? value, string format) =>
        value is { } number && !double.IsNaN(number) ? number.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Check(string what, double value, double limit, bool atLeast, string unit)
    {
        var passed = atLeast ? value >= limit : value <= limit;
        return string.Create(CultureInfo.InvariantCulture, $"  {(passed ? "PASS" : "FAIL")}  {what}: {value:0.###}{unit}");
    }
}
