using Grains.Benchmarks.BenchmarkGrains;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.Scenarios;

/// <summary>
/// Grain calls made by grains: the calling loops run inside <see cref="CallingGrain"/> activations and
/// measure there. One calling grain with one call outstanding, then several sharing many outstanding calls.
/// </summary>
internal static class GrainToGrainScenarios
{
    public static async Task<IReadOnlyList<CallRow>> MeasureAsync(IGrainFactory grains, GrainBenchmarkOptions options, BaselineRows baselines)
    {
        var sequential = new List<CallRow>();
        var concurrent = new List<CallRow>();
        foreach (var count in GrainBenchmarkOptions.GrainCounts)
        {
            await PingTargets.ActivateAsync(grains, count);
            sequential.Add(new CallRow(
                $"sequential, 1 calling grain → {PingTargets.Describe(count)}",
                1,
                await MeasureAsync(grains, [new PingPlan(count, Loops: 1, FirstLoop: 0, TotalLoops: 1)], options),
                baselines.DirectCall));
            concurrent.Add(new CallRow(
                $"concurrent, {options.CallingGrains} calling grains → {PingTargets.Describe(count)}",
                options.Concurrency,
                await MeasureAsync(grains, SharedPlans(count, options), options),
                baselines.ConcurrentQueues[count]));
        }

        return [.. sequential, .. concurrent];
    }

    /// <summary>
    /// Calling grain i follows plan i: all start calling, and once all are, measure one window together
    /// (a grain told its window with its start could begin after the window ended: see <see cref="ICallingGrain"/>).
    /// </summary>
    private static async Task<MeasuredWindow> MeasureAsync(IGrainFactory grains, IReadOnlyList<PingPlan> plans, GrainBenchmarkOptions options)
    {
        var callers = Enumerable.Range(0, plans.Count).Select(key => grains.GetGrain<ICallingGrain>(key)).ToArray();
        var costBefore = ProcessCost.Now();
        await Task.WhenAll(callers.Select((caller, i) => caller.StartAsync(plans[i])));
        var window = options.Timing.StartingNow();
        var measured = await Task.WhenAll(callers.Select(caller => caller.MeasureAsync(window)));
        return MeasuredWindow.Concurrent(measured, ProcessCost.Now() - costBefore);
    }

    /// <summary>The outstanding calls shared among the calling grains (the first ones take the remainder).</summary>
    private static List<PingPlan> SharedPlans(int targets, GrainBenchmarkOptions options)
    {
        var (callers, total) = (options.CallingGrains, options.Concurrency);
        var plans = new List<PingPlan>();
        var firstLoop = 0;
        for (var caller = 0; caller < callers; caller++)
        {
            var loops = total / callers + (caller < total % callers ? 1 : 0);
            plans.Add(new PingPlan(targets, loops, firstLoop, total));
            firstLoop += loops;
        }

        return plans;
    }
}
