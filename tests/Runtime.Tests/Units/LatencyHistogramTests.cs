using Runtime.Statistics;
using Xunit;

namespace Runtime.Tests.Units;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    [InlineData(4L)]
    [InlineData(1_000L)]
    [InlineData(999_999L)]
    [InlineData(30_000_000_000L)]
    public void Every_value_falls_in_a_bucket_whose_bounds_contain_it_within_25_percent(long nanoseconds)
    {
        var bucket = LatencyHistogram.BucketOf(nanoseconds);
        var upper = LatencyHistogram.UpperBoundOf(bucket);
        var lower = bucket == 0 ? 0 : LatencyHistogram.UpperBoundOf(bucket - 1);

        Assert.InRange(nanoseconds, lower, upper - 1);
        Assert.True(upper <= Math.Max(4, nanoseconds * 1.25 + 1));
    }

    [Fact]
    public void Buckets_are_contiguous_and_increasing()
    {
        for (var bucket = 1; bucket < LatencyHistogram.BucketCount - 1; bucket++) // all but the overflow bucket
        {
            Assert.True(LatencyHistogram.UpperBoundOf(bucket) > LatencyHistogram.UpperBoundOf(bucket - 1));
            Assert.Equal(bucket, LatencyHistogram.BucketOf(LatencyHistogram.UpperBoundOf(bucket - 1)));
        }
    }

    [Fact]
    public void Quantiles_come_from_the_counted_values()
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        for (var i = 0; i < 99; i++)
        {
            buckets[LatencyHistogram.BucketOf(1_000)]++;
        }

        buckets[LatencyHistogram.BucketOf(1_000_000)]++;

        Assert.Equal(LatencyHistogram.FromNanoseconds(LatencyHistogram.UpperBoundOf(LatencyHistogram.BucketOf(1_000))), LatencyHistogram.Quantile(buckets, 0.5));
        Assert.Equal(LatencyHistogram.FromNanoseconds(LatencyHistogram.UpperBoundOf(LatencyHistogram.BucketOf(1_000))), LatencyHistogram.Quantile(buckets, 0.99));
        Assert.Equal(LatencyHistogram.FromNanoseconds(LatencyHistogram.UpperBoundOf(LatencyHistogram.BucketOf(1_000_000))), LatencyHistogram.Quantile(buckets, 1.0));
    }

    [Fact]
    public void The_mean_is_within_the_bucket_precision()
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        buckets[LatencyHistogram.BucketOf(1_000)] += 3;
        buckets[LatencyHistogram.BucketOf(5_000)] += 1;

        var mean = LatencyHistogram.Mean(buckets).TotalNanoseconds;

        Assert.InRange(mean, 2_000 * 0.75, 2_000 * 1.25);
        Assert.Equal(TimeSpan.Zero, LatencyHistogram.Mean(new long[LatencyHistogram.BucketCount]));
    }
}
