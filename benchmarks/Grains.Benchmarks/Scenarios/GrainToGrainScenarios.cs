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
                await grains.GetGrain<ICallingGrain>(0).CallPingsAsync(new PingPlan(count, Loops: 1, FirstLoop: 0, TotalLoops: 1), options.Timing.StartingNow()),
                baselines.DirectCall));
            concurrent.Add(new CallRow(
                $"concurrent, {options.CallingGrains} calling grains → {PingTargets.Describe(count)}",
                options.Concurrency,
                await MeasureConcurrentAsync(grains, count, options),
                baselines.ConcurrentQueues[count]));
        }

        return [.. sequential, .. concurrent];
    }

    /// <summary>The calling grains share the outstanding calls (the first ones take the remainder) and run side by side.</summary>
    private static async Task<MeasuredWindow> MeasureConcurrentAsync(IGrainFactory grains, int targets, GrainBenchmarkOptions options)
    {
        var callers = options.CallingGrains;
        var window = options.Timing.StartingNow();
        var runs = new List<Task<MeasuredWindow>>();
        var firstLoop = 0;
        for (var caller = 0; caller < callers; caller++)
        {
            var loops = options.Concurrency / callers + (caller < options.Concurrency % callers ? 1 : 0);
            var plan = new PingPlan(targets, loops, firstLoop, options.Concurrency);
            runs.Add(grains.GetGrain<ICallingGrain>(caller).CallPingsAsync(plan, window));
            firstLoop += loops;
        }

        return MeasuredWindow.Concurrent(await Task.WhenAll(runs));
    }
}
