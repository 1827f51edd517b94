using System.Diagnostics;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.BenchmarkGrains;

/// <summary>
/// Which ping grains a calling grain calls: <see cref="Targets"/> grains (keys 0…n−1), round-robin, with
/// <see cref="Loops"/> calls outstanding. The loops are numbered <see cref="FirstLoop"/>… of
/// <see cref="TotalLoops"/> across all calling grains, so together they start spread over the targets.
/// </summary>
[GenerateSerializer, Immutable, Alias("bench.PingPlan")]
public sealed record PingPlan(int Targets, int Loops, int FirstLoop, int TotalLoops);

/// <summary>
/// Makes grain-to-grain calls: the caller's side of the loop runs in this grain's own turns. In two steps,
/// start then measure, because under load a request to an idle grain waited seconds for the thread pool
/// (Orleans queues an activation's work to the pool thread's local queue, served newest first): calling
/// grains told the window with their start sometimes began after it had ended.
/// </summary>
[Alias("bench.ICallingGrain")]
public interface ICallingGrain : IGrainWithIntegerKey
{
    /// <summary>Starts calling (warming up until <see cref="MeasureAsync"/>) and returns at once.</summary>
    [Alias("Start")]
    Task StartAsync(PingPlan plan);

    /// <summary>
    /// Measures the calls over <paramref name="window"/>, then stops them. It must arrive before the window
    /// starts, or the calls made meanwhile would go uncounted. May outlast Orleans' default 30 s response timeout.
    /// </summary>
    [Alias("Measure")]
    [ResponseTimeout("00:10:00")]
    Task<MeasuredWindow> MeasureAsync(LoadWindow window);
}

[GrainType("bench-calling")]
public sealed class CallingGrain : Grain, ICallingGrain
{
    private PendingWindow? _window;
    private Task<MeasuredWindow>? _calls;

    public Task StartAsync(PingPlan plan)
    {
        if (_calls is not null)
        {
            throw new InvalidOperationException("This grain is already calling.");
        }

        var targets = Enumerable.Range(0, plan.Targets).Select(key => GrainFactory.GetGrain<IPingGrain>(key)).ToArray();
        _window = new PendingWindow();
        // Runs on in this activation's turns after this request returns (Orleans allows it; the grain has no
        // other requests meanwhile but MeasureAsync).
        _calls = ClosedLoop.RunAsync(
            plan.Loops,
            loop => RoundRobin.Calls(targets, plan.FirstLoop + loop, plan.TotalLoops, static (grain, value) => grain.PingAsync(value)),
            _window);
        return Task.CompletedTask;
    }

    public async Task<MeasuredWindow> MeasureAsync(LoadWindow window)
    {
        if (_window is null || _calls is null)
        {
            throw new InvalidOperationException("Call StartAsync first.");
        }

        var late = Stopwatch.GetTimestamp() - window.StartTimestamp;
        _window.Open(window);
        var measured = await _calls;
        _calls = null;
        _window = null;
        return late <= 0
            ? measured
            : throw new InvalidOperationException(
                $"The window reached this grain {Stopwatch.GetElapsedTime(0, late).TotalMilliseconds:F0} ms after it began, so calls went uncounted; give a longer --warmup.");
    }
}
