using System.Diagnostics;
using System.Numerics;

namespace Grains.Benchmarks.Measuring;

/// <summary>
/// Call latencies in nanoseconds, counted in log-linear buckets: 32 per power of two, so a quantile read
/// back is within about 3 % of the true value at any scale, and recording is an increment (no sorting, no
/// allocation, a fixed 10 KiB per recorder). One per caller, merged after the run, so recording takes no locks.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;

    /// <summary>Up to 2^44 ns (about 5 hours); anything longer lands in the last bucket.</summary>
    public const int BucketCount = (44 - SubBucketBits + 1) * SubBuckets;

    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    public long[] Counts { get; } = new long[BucketCount];

    public void Record(long startTimestamp, long endTimestamp) =>
        Counts[BucketOf((long)((endTimestamp - startTimestamp) * s_nanosecondsPerTick))]++;

    public void Add(IReadOnlyList<long> counts)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            Counts[i] += counts[i];
        }
    }

    /// <summary>
    /// The latency in nanoseconds below which <paramref name="quantile"/> of the calls fell (a bucket's
    /// midpoint). Nanoseconds, not TimeSpan: a direct call takes less than TimeSpan's 100 ns tick.
    /// </summary>
    public static double QuantileNanoseconds(IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return MidpointOf(i);
            }
        }

        return MidpointOf(counts.Count - 1);
    }

    private static int BucketOf(long nanoseconds)
    {
        if (nanoseconds < SubBuckets)
        {
            return (int)Math.Max(0, nanoseconds);
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)nanoseconds) - SubBucketBits;
        var index = (shift + 1) * SubBuckets + (int)((nanoseconds >> shift) & (SubBuckets - 1));
        return Math.Min(index, BucketCount - 1);
    }

    private static double MidpointOf(int bucket)
    {
        if (bucket < SubBuckets)
        {
            return bucket;
        }

        var shift = bucket / SubBuckets - 1;
        var lower = (long)(SubBuckets + bucket % SubBuckets) << shift;
        return lower + (1L << shift) / 2.0;
    }
}
