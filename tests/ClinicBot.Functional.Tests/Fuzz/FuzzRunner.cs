using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Fuzz;

/// <summary>
/// Posts generated cases to one endpoint under FsCheck and checks each answer: no 5xx and nothing that
/// looks like a stack trace or exception. The seed is printed before the run; set
/// CLINICBOT_FUZZ_SEED="seed,gamma" to replay a run. On failure FsCheck throws with the shrunk case.
/// </summary>
public static partial class FuzzRunner
{
    public const string SeedVariable = "CLINICBOT_FUZZ_SEED";

    /// <summary>Overrides every run's case count, for a quick local run or a longer soak.</summary>
    public const string CasesVariable = "CLINICBOT_FUZZ_CASES";

    public static async Task RunAsync(HttpClient client, string path, Gen<FuzzCase> cases, int count, ITestOutputHelper output)
    {
        count = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), CultureInfo.InvariantCulture, out var configuredCount) ? configuredCount : count;
        var (seed, gamma) = Seed();
        output.WriteLine($"{path}: {count} cases, replay with {SeedVariable}={seed},{gamma}");
        var statuses = new ConcurrentDictionary<int, int>();
        var slowest = new ConcurrentBag<(double Ms, string Case)>();
        var watch = Stopwatch.StartNew();

        var property = Prop.ForAll(Arb.From(cases, c => c.Shrink()), async (FuzzCase fuzzCase) =>
        {
            using var request = Build(path, fuzzCase);
            var started = Stopwatch.GetTimestamp();
            // A request that takes this long is a finding too (a visitor could tie the bot up with it).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (elapsed > 250)
            {
                slowest.Add((elapsed, $"{(int)response.StatusCode} {fuzzCase.Kind}, {fuzzCase.Body.Length} bytes"));
                if (elapsed > 2_000)
                {
                    output.WriteLine($"slow: {elapsed:F0} ms for {fuzzCase}");
                }
            }

            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} for {fuzzCase}: {Preview(body)}");
            }

            if (InternalsPattern().IsMatch(body))
            {
                throw new InvalidOperationException($"Internals in the {(int)response.StatusCode} answer to {fuzzCase}: {Preview(body)}");
            }
        });

        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(seed, gamma).WithQuietOnSuccess(true);
        // Off the xunit synchronization context: FsCheck waits on each async property synchronously.
        await Task.Run(() => Check.One(config, property));

        output.WriteLine($"{path}: {count} cases in {watch.Elapsed.TotalSeconds:F1} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine($"{slowest.Count} cases over 250 ms; slowest: " +
            string.Join("; ", slowest.OrderByDescending(s => s.Ms).Take(8).Select(s => $"{s.Ms:F0} ms {s.Case}")));
    }

    private static HttpRequestMessage Build(string path, FuzzCase fuzzCase)
    {
        var content = new ByteArrayContent(fuzzCase.Body);
        content.Headers.ContentType = null;
        if (fuzzCase.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (fuzzCase.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzzCase.Authorization);
        }

        return request;
    }

    private static (ulong Seed, ulong Gamma) Seed()
    {
        var configured = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var parts = configured.Split(',');
            return (ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return ((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1UL);
    }

    private static string Preview(string body) => body.Length > 400 ? body[..400] + "…" : body;

    /// <summary>Stack frames, exception type names and IdentityModel error codes.</summary>
    [GeneratedRegex(@"\bat [\w.`<>]+\(|\b\w+Exception\b|\bIDX\d{5}|StackTrace")]
    private static partial Regex InternalsPattern();
}
