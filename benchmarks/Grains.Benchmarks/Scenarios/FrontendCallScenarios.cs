using Grains.Benchmarks.BenchmarkGrains;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.Scenarios;

/// <summary>
/// Grain calls as the frontend makes them: from outside any grain, through the co-hosted silo's
/// <see cref="IGrainFactory"/>. One caller awaiting each call, then many calls outstanding.
/// </summary>
internal static class FrontendCallScenarios
{
    public static async Task<IReadOnlyList<CallRow>> MeasureAsync(IGrainFactory grains, GrainBenchmarkOptions options, BaselineRows baselines)
    {
        var sequential = new List<CallRow>();
        var concurrent = new List<CallRow>();
        foreach (var count in GrainBenchmarkOptions.GrainCounts)
        {
            var targets = await PingTargets.ActivateAsync(grains, count);
            sequential.Add(new CallRow(
                $"sequential, {PingTargets.Describe(count)}",
                1,
                await ClosedLoop.RunAsync(1, loop => RoundRobin.Calls(targets, loop, 1, Ping), options.Timing.StartingNow()),
                baselines.DirectCall));
            concurrent.Add(new CallRow(
                $"concurrent, {PingTargets.Describe(count)}",
                options.Concurrency,
                await ClosedLoop.RunAsync(options.Concurrency, loop => RoundRobin.Calls(targets, loop, options.Concurrency, Ping), options.Timing.StartingNow()),
                baselines.ConcurrentQueues[count]));
        }

        return [.. sequential, .. concurrent];
    }

    private static Task<int> Ping(IPingGrain grain, int value) => grain.PingAsync(value);
}
