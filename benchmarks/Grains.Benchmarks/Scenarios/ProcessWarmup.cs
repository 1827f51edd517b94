using Grains.Benchmarks.BenchmarkGrains;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.Scenarios;

/// <summary>
/// Runs the call paths, unmeasured, before any grain row: tiered compilation takes seconds to move Orleans'
/// hot methods to optimized code on 2 busy cores, and without this the first rows measured ran up to twice
/// as slow as the same rows measured later. A long-running frontend is past this point.
/// </summary>
internal static class ProcessWarmup
{
    public static async Task RunAsync(IGrainFactory grains, TimeSpan duration)
    {
        const int Targets = 100;
        var targets = await PingTargets.ActivateAsync(grains, Targets);
        var window = LoadWindow.After(duration, TimeSpan.Zero);
        await Task.WhenAll(
            ClosedLoop.RunAsync(1, loop => RoundRobin.Calls(targets, loop, 1, Ping), window),
            ClosedLoop.RunAsync(Targets, loop => RoundRobin.Calls(targets, loop, Targets, Ping), window),
            CallFromGrainAsync(grains.GetGrain<ICallingGrain>(0), new PingPlan(Targets, Loops: 10, FirstLoop: 0, TotalLoops: 10), window));
    }

    private static async Task CallFromGrainAsync(ICallingGrain caller, PingPlan plan, LoadWindow window)
    {
        await caller.StartAsync(plan);
        await caller.MeasureAsync(window);
    }

    private static Task<int> Ping(IPingGrain grain, int value) => grain.PingAsync(value);
}
