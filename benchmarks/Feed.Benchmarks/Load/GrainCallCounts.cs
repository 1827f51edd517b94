namespace Feed.Benchmarks.Load;

/// <summary>One grain method's calls between two readings.</summary>
internal sealed record GrainCallDelta(string GrainType, string Method, long Calls, TimeSpan MeanLatency);

/// <summary>A reading of <see cref="GrainCallCounter"/>: completed grain calls per grain type and method.</summary>
internal sealed class GrainCallCounts
{
    private readonly IReadOnlyDictionary<(string GrainType, string Method), (long Calls, TimeSpan Total)> _methods;

    private GrainCallCounts(IReadOnlyDictionary<(string GrainType, string Method), (long Calls, TimeSpan Total)> methods) => _methods = methods;

    public static GrainCallCounts Read(GrainCallCounter counter) => new(counter.Read());

    public long Calls(string grainType, string method) => _methods.GetValueOrDefault((grainType, method)).Calls;

    /// <summary>Calls made since <paramref name="before"/>, most frequent first, with their mean time in the grain.</summary>
    public IReadOnlyList<GrainCallDelta> Since(GrainCallCounts before) =>
        [.. _methods
            .Select(m =>
            {
                var (calls, total) = before._methods.GetValueOrDefault(m.Key);
                var delta = m.Value.Calls - calls;
                return new GrainCallDelta(m.Key.GrainType, m.Key.Method, delta, delta > 0 ? (m.Value.Total - total) / delta : TimeSpan.Zero);
            })
            .Where(d => d.Calls > 0)
            .OrderByDescending(d => d.Calls)];
}
