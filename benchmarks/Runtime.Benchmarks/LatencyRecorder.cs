using System.Diagnostics;
using Runtime.Statistics;

namespace Runtime.Benchmarks;

/// <summary>A single caller's call count and latency histogram; merged after the run, so recording needs no locks.</summary>
internal sealed class LatencyRecorder
{
    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    public long[] Buckets { get; } = new long[LatencyHistogram.BucketCount];

    public long Calls { get; private set; }

    public void Record(long startTimestamp, long endTimestamp)
    {
        Buckets[LatencyHistogram.BucketOf((long)((endTimestamp - startTimestamp) * s_nanosecondsPerTick))]++;
        Calls++;
    }

    public static (long Calls, TimeSpan P50, TimeSpan P99) Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new long[LatencyHistogram.BucketCount];
        long calls = 0;
        foreach (var recorder in recorders)
        {
            calls += recorder.Calls;
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i] += recorder.Buckets[i];
            }
        }

        return (calls, LatencyHistogram.Quantile(merged, 0.50), LatencyHistogram.Quantile(merged, 0.99));
    }
}
