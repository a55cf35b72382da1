using System.Diagnostics;
using ClinicBot.Knowledge;
using Xunit.Abstractions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Recognition;

/// <summary>
/// Every message of the dev set and some samples gets an answer; start-up cost, retained memory and time per
/// message are printed for the report, not asserted (timing targets belong in bench/, not in tests).
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private static readonly string[] Samples =
    [
        "are you open right now", "whats the address", "how fast does ketamine work", "do you take insurance? and can i book the free call",
        "i dont want to be alive anymore", "my depression is killing my motivation, how fast does it work?", "hrs pls",
        "so i've been dealing with depression since college and i've been on like 4 different meds over the years and nothing changes, is this meant for people like me",
    ];

    [Fact]
    public void Every_message_gets_an_answer_and_the_time_it_takes_is_reported()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var knowledge = ClinicKnowledge.LoadDefault();
        load.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var warmLoad = Stopwatch.StartNew();
        ClinicKnowledge.LoadDefault();
        warmLoad.Stop();
        var warmCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var messages = DevSet.Lines.Select(l => l.Text).Concat(Samples).ToList();
        var now = KnowledgeFixture.TuesdayMorning;
        foreach (var message in messages) knowledge.Respond(message, now); // warm-up

        var timings = new List<double>();
        var slowest = new List<(double Ms, int Length)>();
        for (var round = 0; round < 10; round++)
        {
            foreach (var message in messages)
            {
                var watch = Stopwatch.StartNew();
                var answers = knowledge.Respond(message, now);
                watch.Stop();
                Assert.NotEmpty(answers);
                timings.Add(watch.Elapsed.TotalMilliseconds);
                slowest.Add((watch.Elapsed.TotalMilliseconds, message.Length));
            }
        }
        timings.Sort();
        var median = timings[timings.Count / 2];
        var p99 = timings[(int)(timings.Count * 0.99)];
        var crisisWatch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++) knowledge.IsCrisis(messages[i % messages.Count]);
        crisisWatch.Stop();

        output.WriteLine($"load {load.Elapsed.TotalMilliseconds:F0} ms cold (first JIT), {warmLoad.Elapsed.TotalMilliseconds:F0} ms warm (process CPU {warmCpu.TotalMilliseconds:F0} ms); retained ~{retained / 1024.0 / 1024.0:F1} MB");
        output.WriteLine($"Understand+Answer over {timings.Count} calls: median {median:F3} ms, p99 {p99:F3} ms, max {timings[^1]:F3} ms");
        output.WriteLine("slowest calls (ms, message length): " + string.Join(", ", slowest.OrderByDescending(s => s.Ms).Take(5).Select(s => $"{s.Ms:F1}/{s.Length}")));
        output.WriteLine($"IsCrisis: {crisisWatch.Elapsed.TotalMilliseconds / 1000:F4} ms per call");
    }
}
