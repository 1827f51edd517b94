using System.Diagnostics;

namespace Runtime.Statistics;

/// <summary>
/// Calls, errors, timeouts and a latency histogram for one method of one grain type. Striped by
/// processor so that two cores recording at once do not fight over one cache line.
/// </summary>
internal sealed class MethodStatistics
{
    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    private readonly Shard[] _shards;
    private readonly int _shardMask;
    private long _timeouts;

    public MethodStatistics(string grainType, string interfaceName, string methodName)
    {
        GrainType = grainType;
        InterfaceName = interfaceName;
        MethodName = methodName;
        var shardCount = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, Environment.ProcessorCount));
        _shardMask = shardCount - 1;
        _shards = new Shard[shardCount];
        for (var i = 0; i < shardCount; i++)
        {
            _shards[i] = new Shard();
        }
    }

    public string GrainType { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    /// <summary>
    /// Counts one completed call. On the hot path, so one atomic increment: the call count is the
    /// histogram's sum, and the mean is estimated from bucket midpoints.
    /// </summary>
    /// <param name="elapsedTicks">Send-to-completion time in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="failed">Whether the call ended with an exception.</param>
    public void Record(long elapsedTicks, bool failed)
    {
        var shard = _shards[Thread.GetCurrentProcessorId() & _shardMask];
        Interlocked.Increment(ref shard.Buckets[LatencyHistogram.BucketOf((long)(elapsedTicks * s_nanosecondsPerTick))]);
        if (failed)
        {
            Interlocked.Increment(ref shard.Errors);
        }
    }

    public void RecordTimeout() => Interlocked.Increment(ref _timeouts);

    public MethodSnapshot Snapshot()
    {
        long errors = 0;
        var buckets = new long[LatencyHistogram.BucketCount];
        foreach (var shard in _shards)
        {
            errors += Volatile.Read(ref shard.Errors);
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += Volatile.Read(ref shard.Buckets[i]);
            }
        }

        var calls = buckets.Sum();
        return new MethodSnapshot(
            InterfaceName,
            MethodName,
            calls,
            errors,
            Volatile.Read(ref _timeouts),
            LatencyHistogram.Mean(buckets),
            LatencyHistogram.Quantile(buckets, 0.50),
            LatencyHistogram.Quantile(buckets, 0.90),
            LatencyHistogram.Quantile(buckets, 0.99),
            LatencyBuckets.From(buckets));
    }

    /// <summary>One processor's counters; a class of its own so shards sit on separate cache lines.</summary>
    private sealed class Shard
    {
        public readonly long[] Buckets = new long[LatencyHistogram.BucketCount];
        public long Errors;
    }
}
