namespace Runtime.Statistics;

/// <summary>A point-in-time copy of the silo's statistics, for the dashboard and <c>/metrics</c>.</summary>
public sealed record RuntimeStatisticsSnapshot(DateTimeOffset TakenAt, IReadOnlyList<GrainTypeSnapshot> GrainTypes);

/// <param name="GrainType">The grain type name.</param>
/// <param name="ActiveActivations">Activations that exist now (including ones still activating).</param>
/// <param name="ActivationsCreated">Activations created since start.</param>
/// <param name="Deactivations">Activations that completed deactivation since start.</param>
/// <param name="ActivationFailures">Activations whose state read or OnActivateAsync failed.</param>
/// <param name="Methods">Per-method statistics.</param>
public sealed record GrainTypeSnapshot(
    string GrainType,
    long ActiveActivations,
    long ActivationsCreated,
    long Deactivations,
    long ActivationFailures,
    IReadOnlyList<MethodSnapshot> Methods);

/// <param name="Interface">Declaring grain interface.</param>
/// <param name="Method">Method name.</param>
/// <param name="Calls">Completed calls (including failed ones).</param>
/// <param name="Errors">Calls that ended with an exception.</param>
/// <param name="Timeouts">Calls whose caller gave up waiting.</param>
/// <param name="MeanLatency">Mean send-to-completion time.</param>
/// <param name="P50">Median latency (bucket upper bound, within 25%).</param>
/// <param name="P90">90th percentile latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="Histogram">The non-empty latency buckets.</param>
public sealed record MethodSnapshot(
    string Interface,
    string Method,
    long Calls,
    long Errors,
    long Timeouts,
    TimeSpan MeanLatency,
    TimeSpan P50,
    TimeSpan P90,
    TimeSpan P99,
    IReadOnlyList<LatencyBucket> Histogram);

/// <summary>Calls that completed in less than <paramref name="UpperBound"/> (and not less than the previous bucket's bound).</summary>
public readonly record struct LatencyBucket(TimeSpan UpperBound, long Count);

internal static class LatencyBuckets
{
    public static IReadOnlyList<LatencyBucket> From(long[] buckets)
    {
        var result = new List<LatencyBucket>();
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] > 0)
            {
                result.Add(new LatencyBucket(LatencyHistogram.FromNanoseconds(LatencyHistogram.UpperBoundOf(i)), buckets[i]));
            }
        }

        return result;
    }
}
