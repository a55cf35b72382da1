using System.Globalization;

namespace ClinicBot.Bench.Reporting;

/// <summary>One target at one concurrency level.</summary>
public sealed record CellResult(
    string Target,
    int Concurrency,
    double TurnsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double AllocatedKbPerTurn,
    double CpuMsPerTurn,
    double PeakRssMb,
    int Turns,
    int Errors,
    double? RepliesPerTurn,
    string? Note)
{
    public const string Header =
        "target                 conc    turns/s   p50_ms   p95_ms   p99_ms  alloc_kb/turn  cpu_ms/turn  peak_rss_mb    turns  errors  replies/turn";

    public static CellResult Unavailable(string target, int concurrency, string note) =>
        new(target, concurrency, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, null, note);

    public string Format()
    {
        if (Note is not null && Turns == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Target,-22} {Concurrency,4}  n/a: {Note}");
        }

        var replies = RepliesPerTurn is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{Target,-22} {Concurrency,4} {TurnsPerSecond,10:0.0} {P50Ms,8:0.00} {P95Ms,8:0.00} {P99Ms,8:0.00} {AllocatedKbPerTurn,14:0.0} {CpuMsPerTurn,12:0.000} {PeakRssMb,12:0.0} {Turns,8} {Errors,7} {replies,13}");
        return Note is null ? line : line + "  (" + Note + ")";
    }
}
