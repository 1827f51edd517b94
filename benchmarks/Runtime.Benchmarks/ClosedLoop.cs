using System.Diagnostics;

namespace Runtime.Benchmarks;

/// <summary>Operations per second and latency quantiles over the measured window.</summary>
internal sealed record LoadResult(string Scenario, int Callers, double PerSecond, TimeSpan P50, TimeSpan P99);

/// <summary>
/// Closed-loop load: each caller awaits one operation, then starts the next. Warms up first (activations,
/// tiered JIT), then counts operations and latencies over a fixed window. Each caller records into its
/// own histogram, merged at the end, so measuring adds no contention.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="scenario">What is measured, for the report.</param>
    /// <param name="callers">Concurrent callers, each with one operation outstanding.</param>
    /// <param name="operationFor">Given a caller's index, the operation it repeats (given a sequence number).</param>
    /// <param name="warmup">Time before measuring starts.</param>
    /// <param name="window">Time measured.</param>
    public static async Task<LoadResult> MeasureAsync(string scenario, int callers, Func<int, Func<int, Task>> operationFor, TimeSpan warmup, TimeSpan window)
    {
        var recorders = new LatencyRecorder[callers];
        var measuring = false;
        var stopped = false;

        async Task CallerAsync(int caller)
        {
            var recorder = recorders[caller] = new LatencyRecorder();
            var operation = operationFor(caller);
            var sequence = caller;
            while (!Volatile.Read(ref stopped))
            {
                var start = Stopwatch.GetTimestamp();
                await operation(sequence++);
                if (Volatile.Read(ref measuring))
                {
                    recorder.Record(start, Stopwatch.GetTimestamp());
                }
            }
        }

        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(() => CallerAsync(caller))).ToArray();
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(window);
        Volatile.Write(ref measuring, false);
        var elapsed = stopwatch.Elapsed;
        Volatile.Write(ref stopped, true);
        await Task.WhenAll(tasks);

        var (operations, p50, p99) = LatencyRecorder.Merge(recorders);
        return new LoadResult(scenario, callers, operations / elapsed.TotalSeconds, p50, p99);
    }

    /// <summary>Pings spread round-robin over <paramref name="targets"/>.</summary>
    public static Task<LoadResult> PingAsync(string scenario, IReadOnlyList<IPingGrain> targets, int callers, TimeSpan warmup, TimeSpan window) =>
        MeasureAsync(scenario, callers, _ => sequence => targets[sequence % targets.Count].PingAsync(sequence), warmup, window);
}
