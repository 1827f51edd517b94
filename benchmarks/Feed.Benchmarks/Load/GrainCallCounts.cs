using Runtime.Statistics;

namespace Feed.Benchmarks.Load;

/// <summary>One grain method's calls between two statistics snapshots.</summary>
internal sealed record GrainCallDelta(string GrainType, string Method, long Calls, TimeSpan MeanLatency);

/// <summary>
/// Completed grain calls per grain type and method, from the runtime's own statistics (IRuntimeStatistics).
/// The difference of two readings says which calls a piece of work made, and how many.
/// </summary>
internal sealed class GrainCallCounts
{
    private readonly Dictionary<(string GrainType, string Method), (long Calls, TimeSpan Mean)> _methods;

    private GrainCallCounts(RuntimeStatisticsSnapshot snapshot) =>
        _methods = snapshot.GrainTypes
            .SelectMany(t => t.Methods.Select(m => (Key: (t.GrainType, m.Method), Value: (m.Calls, m.MeanLatency))))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => (g.Sum(e => e.Value.Calls), g.First().Value.MeanLatency));

    public static GrainCallCounts Read(IRuntimeStatistics statistics) => new(statistics.GetSnapshot());

    public long Calls(string grainType, string method) => _methods.GetValueOrDefault((grainType, method)).Calls;

    /// <summary>Calls made since <paramref name="before"/>, most frequent first; the mean latency is over the interval.</summary>
    public IReadOnlyList<GrainCallDelta> Since(GrainCallCounts before) =>
        [.. _methods
            .Select(m =>
            {
                var (calls, mean) = before._methods.GetValueOrDefault(m.Key);
                var delta = m.Value.Calls - calls;

                // Means are cumulative: the interval's mean is the change in total time over the change in calls.
                var total = (m.Value.Mean * m.Value.Calls) - (mean * calls);
                return new GrainCallDelta(m.Key.GrainType, m.Key.Method, delta, delta > 0 ? total / delta : TimeSpan.Zero);
            })
            .Where(d => d.Calls > 0)
            .OrderByDescending(d => d.Calls)];
}
