using System.Diagnostics;

namespace ClinicBot.Bench.Load;

/// <summary>
/// N concurrent conversation loops against one target. Each loop plays scripted conversations back to back,
/// waiting for each turn before the next (a visitor waits for the answer). After a warm-up, turns that finish
/// inside the measuring window are counted (closed-loop throughput) and their latencies kept.
/// </summary>
public sealed class LoadRunner(ITurnDriver driver, ConversationMix mix, string targetName)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    public async Task<LoadWindow> RunAsync(
        int concurrency,
        TimeSpan warmup,
        TimeSpan measure,
        long maxTurns,
        Func<CancellationToken, Task> atWindowStart,
        Func<CancellationToken, Task> atWindowEnd,
        CancellationToken cancellationToken)
    {
        var window = new WindowClock();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = Enumerable.Range(0, concurrency)
            .Select(loop => Task.Run(() => RunLoopAsync(concurrency, loop, window, maxTurns, stop.Token), CancellationToken.None))
            .ToArray();

        await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
        await atWindowStart(cancellationToken).ConfigureAwait(false);
        window.Open();
        var deadline = Stopwatch.GetTimestamp() + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && Interlocked.Read(ref window.CountedTurns) < maxTurns)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        window.Close();
        await atWindowEnd(cancellationToken).ConfigureAwait(false);
        window.Stopping = true;

        // Let in-flight turns finish (cancelling them would make servers log aborted turns); then cancel.
        var drained = Task.WhenAll(loops);
        if (await Task.WhenAny(drained, Task.Delay(DrainTimeout, cancellationToken)).ConfigureAwait(false) != drained)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        var results = await Task.WhenAll(loops).ConfigureAwait(false);
        var latencies = results.SelectMany(result => result.LatenciesMs).ToArray();
        Array.Sort(latencies);
        return new LoadWindow(
            Turns: latencies.Length,
            Errors: results.Sum(result => result.Errors),
            Elapsed: window.Elapsed,
            SortedLatenciesMs: latencies,
            FirstError: results.Select(result => result.FirstError).FirstOrDefault(error => error is not null));
    }

    private async Task<LoopResult> RunLoopAsync(int concurrency, int loop, WindowClock window, long maxTurns, CancellationToken cancellationToken)
    {
        var random = new Random(HashCode.Combine(targetName.Length, concurrency, loop));
        var result = new LoopResult();
        var conversationNumber = 0;
        while (!window.Stopping && !cancellationToken.IsCancellationRequested)
        {
            var script = mix.Pick(random);
            var conversation = new BenchConversation(
                $"bench-{targetName}-{concurrency}-{loop}-{++conversationNumber}-{Guid.NewGuid():N}",
                $"visitor-{concurrency}-{loop}-{conversationNumber}",
                script);

            if (!await TimedTurnAsync(() => driver.StartAsync(conversation, cancellationToken), window, maxTurns, result, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            foreach (var text in script.Turns)
            {
                if (window.Stopping || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await TimedTurnAsync(() => driver.SendAsync(conversation, text, cancellationToken), window, maxTurns, result, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    private static async Task<bool> TimedTurnAsync(Func<Task<bool>> turn, WindowClock window, long maxTurns, LoopResult result, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        bool succeeded;
        try
        {
            succeeded = await turn().ConfigureAwait(false);
            if (!succeeded)
            {
                result.FirstError ??= "the target refused a turn or no reply arrived";
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            succeeded = false;
            if (!cancellationToken.IsCancellationRequested)
            {
                result.FirstError ??= $"{exception.GetType().Name}: {exception.Message}";
            }
        }

        var finished = Stopwatch.GetTimestamp();
        if (window.Contains(finished))
        {
            if (succeeded)
            {
                if (Interlocked.Increment(ref window.CountedTurns) <= maxTurns)
                {
                    result.LatenciesMs.Add(Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds);
                }
            }
            else
            {
                result.Errors++;
            }
        }

        if (!succeeded && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        return succeeded;
    }

    private sealed class LoopResult
    {
        public List<double> LatenciesMs { get; } = new(4096);

        public int Errors { get; set; }

        public string? FirstError { get; set; }
    }

    private sealed class WindowClock
    {
        public long CountedTurns;
        private long _opened = long.MaxValue;
        private long _closed = long.MaxValue;

        public volatile bool Stopping;

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _opened), Volatile.Read(ref _closed));

        public void Open() => Volatile.Write(ref _opened, Stopwatch.GetTimestamp());

        public void Close() => Volatile.Write(ref _closed, Stopwatch.GetTimestamp());

        public bool Contains(long finished) =>
            finished >= Volatile.Read(ref _opened) && finished <= Volatile.Read(ref _closed);
    }
}

public sealed record LoadWindow(int Turns, int Errors, TimeSpan Elapsed, double[] SortedLatenciesMs, string? FirstError)
{
    public double TurnsPerSecond => Turns / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double Percentile(double fraction)
    {
        if (SortedLatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(fraction * SortedLatenciesMs.Length) - 1;
        return SortedLatenciesMs[Math.Clamp(index, 0, SortedLatenciesMs.Length - 1)];
    }
}
