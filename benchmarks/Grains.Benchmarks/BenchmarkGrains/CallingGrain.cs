using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.BenchmarkGrains;

/// <summary>
/// Which ping grains a calling grain calls: <see cref="Targets"/> grains (keys 0…n−1), round-robin, with
/// <see cref="Loops"/> calls outstanding. The loops are numbered <see cref="FirstLoop"/>… of
/// <see cref="TotalLoops"/> across all calling grains, so together they start spread over the targets.
/// </summary>
[GenerateSerializer, Immutable, Alias("bench.PingPlan")]
public sealed record PingPlan(int Targets, int Loops, int FirstLoop, int TotalLoops);

/// <summary>Makes grain-to-grain calls: the caller's side of the loop runs in this grain's own turns.</summary>
[Alias("bench.ICallingGrain")]
public interface ICallingGrain : IGrainWithIntegerKey
{
    /// <summary>Calls until the window ends (which may be later than Orleans' default 30 s response timeout).</summary>
    [Alias("CallPings")]
    [ResponseTimeout("00:10:00")]
    Task<MeasuredWindow> CallPingsAsync(PingPlan plan, LoadWindow window);
}

[GrainType("bench-calling")]
public sealed class CallingGrain : Grain, ICallingGrain
{
    public Task<MeasuredWindow> CallPingsAsync(PingPlan plan, LoadWindow window)
    {
        var targets = Enumerable.Range(0, plan.Targets).Select(key => GrainFactory.GetGrain<IPingGrain>(key)).ToArray();
        return ClosedLoop.RunAsync(
            plan.Loops,
            loop => RoundRobin.Calls(targets, plan.FirstLoop + loop, plan.TotalLoops, static (grain, value) => grain.PingAsync(value)),
            window);
    }
}
