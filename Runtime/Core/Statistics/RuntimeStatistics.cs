using System.Collections.Concurrent;

namespace Runtime.Statistics;

/// <summary>The silo's statistics, per grain type and method, as the dashboard and metrics endpoint read them.</summary>
public interface IRuntimeStatistics
{
    RuntimeStatisticsSnapshot GetSnapshot();
}

internal sealed class RuntimeStatistics(TimeProvider timeProvider) : IRuntimeStatistics
{
    private readonly ConcurrentDictionary<string, GrainTypeStatistics> _grainTypes = new(StringComparer.Ordinal);

    public GrainTypeStatistics ForGrainType(string grainType) =>
        _grainTypes.GetOrAdd(grainType, static type => new GrainTypeStatistics(type));

    public RuntimeStatisticsSnapshot GetSnapshot() => new(
        timeProvider.GetUtcNow(),
        _grainTypes.Values.Select(t => t.Snapshot()).OrderBy(t => t.GrainType, StringComparer.Ordinal).ToList());
}
