using Grains.Benchmarks.BenchmarkGrains;

namespace Grains.Benchmarks.Scenarios;

internal static class PingTargets
{
    public static string Describe(int count) => $"{count:N0} {(count == 1 ? "grain" : "grains")}";

    /// <summary>
    /// Ping grains 0…count−1, each called once first so that no measured call pays for an activation
    /// (idle collection, after 15 min, never strikes within a run).
    /// </summary>
    public static async Task<IPingGrain[]> ActivateAsync(IGrainFactory grains, int count)
    {
        var targets = Enumerable.Range(0, count).Select(key => grains.GetGrain<IPingGrain>(key)).ToArray();
        foreach (var chunk in targets.Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(target => target.PingAsync(0)));
        }

        return targets;
    }
}
