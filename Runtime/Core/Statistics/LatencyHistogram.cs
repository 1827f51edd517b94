namespace Runtime.Statistics;

/// <summary>
/// Log-linear bucketing of durations in nanoseconds: four buckets per power of two, so any recorded
/// value is reported within 25% of its true value, from 1 ns to 2^40 ns (18 minutes); the last bucket
/// takes everything longer.
/// </summary>
internal static class LatencyHistogram
{
    public const int BucketCount = 4 + (40 - 2 + 1) * 4 + 1;

    private const int OverflowBucket = BucketCount - 1;

    public static int BucketOf(long nanoseconds)
    {
        if (nanoseconds < 4)
        {
            return nanoseconds < 0 ? 0 : (int)nanoseconds;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(nanoseconds);
        var subBucket = (int)(nanoseconds >> (exponent - 2)) & 3;
        return Math.Min(OverflowBucket, 4 + ((exponent - 2) * 4) + subBucket);
    }

    /// <summary>The exclusive upper bound of a bucket, in nanoseconds.</summary>
    public static long UpperBoundOf(int bucket)
    {
        if (bucket < 4)
        {
            return bucket + 1;
        }

        if (bucket >= OverflowBucket)
        {
            return long.MaxValue;
        }

        var exponent = ((bucket - 4) / 4) + 2;
        var subBucket = (bucket - 4) % 4;
        return (5L + subBucket) << (exponent - 2);
    }

    /// <summary>The value below which <paramref name="quantile"/> of the counted values lie (bucket upper bound).</summary>
    public static TimeSpan Quantile(ReadOnlySpan<long> buckets, double quantile)
    {
        long total = 0;
        foreach (var count in buckets)
        {
            total += count;
        }

        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var bucket = 0; bucket < buckets.Length; bucket++)
        {
            seen += buckets[bucket];
            if (seen >= rank)
            {
                return FromNanoseconds(UpperBoundOf(bucket));
            }
        }

        return FromNanoseconds(UpperBoundOf(buckets.Length - 1));
    }

    /// <summary>The mean, taking each value at its bucket's midpoint (so within 25%, like the buckets).</summary>
    public static TimeSpan Mean(ReadOnlySpan<long> buckets)
    {
        double total = 0;
        long count = 0;
        for (var bucket = 0; bucket < buckets.Length; bucket++)
        {
            if (buckets[bucket] == 0)
            {
                continue;
            }

            var lower = bucket == 0 ? 0 : UpperBoundOf(bucket - 1);
            var upper = bucket >= OverflowBucket ? lower : UpperBoundOf(bucket);
            total += buckets[bucket] * ((lower + (double)upper) / 2);
            count += buckets[bucket];
        }

        return count == 0 ? TimeSpan.Zero : FromNanoseconds((long)(total / count));
    }

    public static TimeSpan FromNanoseconds(long nanoseconds) =>
        nanoseconds >= TimeSpan.MaxValue.Ticks / 100 * 100 ? TimeSpan.MaxValue : TimeSpan.FromTicks(nanoseconds / 100);
}
