using System.Diagnostics;

namespace Runtime.Benchmarks;

/// <param name="Scenario">What was called.</param>
/// <param name="Concurrency">Callers, each with one call outstanding at a time.</param>
/// <param name="CallsPerSecond">Completed calls per second in the measured window.</param>
/// <param name="P50">Median call latency (as seen by the caller).</param>
/// <param name="P99">99th percentile call latency.</param>
internal sealed record CallResult(string Scenario, int Concurrency, double CallsPerSecond, TimeSpan P50, TimeSpan P99);

/// <summary>
/// Closed-loop load: each caller awaits one call, then makes the next, round-robin over the targets.
/// Warms up first (activations, tiered JIT), then counts calls and latencies over a fixed window.
/// </summary>
internal static class CallThroughput
{
    public static async Task<CallResult> MeasureAsync(string scenario, IReadOnlyList<IPingGrain> targets, int concurrency, TimeSpan warmup, TimeSpan window)
    {
        var recorders = new LatencyRecorder[concurrency];
        var measuring = false;
        var stopped = false;

        async Task CallerAsync(int caller)
        {
            var recorder = recorders[caller] = new LatencyRecorder();
            var next = caller;
            while (!Volatile.Read(ref stopped))
            {
                var target = targets[next++ % targets.Count];
                var start = Stopwatch.GetTimestamp();
                await target.PingAsync(next);
                if (Volatile.Read(ref measuring))
                {
                    recorder.Record(start, Stopwatch.GetTimestamp());
                }
            }
        }

        var callers = Enumerable.Range(0, concurrency).Select(caller => Task.Run(() => CallerAsync(caller))).ToArray();
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(window);
        Volatile.Write(ref measuring, false);
        var elapsed = stopwatch.Elapsed;
        Volatile.Write(ref stopped, true);
        await Task.WhenAll(callers);

        var (calls, p50, p99) = LatencyRecorder.Merge(recorders);
        return new CallResult(scenario, concurrency, calls / elapsed.TotalSeconds, p50, p99);
    }
}
