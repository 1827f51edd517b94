using System.Collections.Immutable;

namespace Grains.Benchmarks.Measuring;

/// <summary>
/// What one run saw: the calls completed within its window, the window's length and the calls' latencies
/// as <see cref="LatencyHistogram"/> counts; and, over the whole run (warm-up included, which only repeats
/// the same calls), every call made and the bytes the process allocated and CPU time it used meanwhile.
/// A message, because grain-to-grain runs measure inside a grain and send it back.
/// </summary>
[GenerateSerializer, Immutable, Alias("bench.MeasuredWindow")]
public sealed record MeasuredWindow(long Calls, TimeSpan Elapsed, ImmutableArray<long> LatencyCounts, long RunCalls, ProcessCost RunCost)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>Wall-clock time per call; for one caller with one call outstanding, the cost of a call.</summary>
    public double NanosecondsPerCall => Elapsed.TotalNanoseconds / Calls;

    /// <summary>
    /// Over the whole run rather than the window: which allocations fall in a window depends on when a loop
    /// happens to look at the clock, and under load a loop may not run for a second.
    /// </summary>
    public double AllocatedBytesPerCall => RunCost.AllocatedBytes / (double)RunCalls;

    /// <summary>
    /// CPU time of the whole process (every thread, GC and idle spinning included) per call: what a call
    /// costs the machine, unlike time per call, which grows when other processes take the cores.
    /// </summary>
    public double CpuNanosecondsPerCall => RunCost.Cpu.TotalNanoseconds / RunCalls;

    public double P50Nanoseconds => LatencyHistogram.QuantileNanoseconds(LatencyCounts, 0.50);

    public double P99Nanoseconds => LatencyHistogram.QuantileNanoseconds(LatencyCounts, 0.99);

    public double MaxNanoseconds => LatencyHistogram.QuantileNanoseconds(LatencyCounts, 1.0);

    /// <summary>
    /// The same window measured by several calling grains at once, as one: calls and latencies add up.
    /// Their runs began at different times (see <c>ICallingGrain</c>), so the cost is the process's over
    /// all of them, <paramref name="cost"/>, measured around them by the caller.
    /// </summary>
    public static MeasuredWindow Concurrent(IReadOnlyList<MeasuredWindow> windows, ProcessCost cost)
    {
        var histogram = new LatencyHistogram();
        foreach (var window in windows)
        {
            histogram.Add(window.LatencyCounts);
        }

        return new MeasuredWindow(
            windows.Sum(w => w.Calls),
            windows[0].Elapsed,
            [.. histogram.Counts],
            windows.Sum(w => w.RunCalls),
            cost);
    }
}
