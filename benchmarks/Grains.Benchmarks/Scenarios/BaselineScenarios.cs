using Grains.Benchmarks.Baselines;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.Scenarios;

/// <summary>The call rows' baselines: a direct call for one caller, a bare work queue per grain for many.</summary>
internal sealed record BaselineRows(CallRow DirectCall, CallRow SequentialQueue, IReadOnlyDictionary<int, CallRow> ConcurrentQueues)
{
    public IEnumerable<CallRow> All => [DirectCall, SequentialQueue, .. ConcurrentQueues.Values];
}

/// <summary>Measured without Orleans, before the silo starts, in the same process and with the same loops as the grain rows.</summary>
internal static class BaselineScenarios
{
    public static async Task<BaselineRows> MeasureAsync(GrainBenchmarkOptions options)
    {
        var direct = new CallRow(
            "direct interface call, plain object",
            1,
            await ClosedLoop.RunAsync(1, loop => RoundRobin.Calls<IPing>([new PlainPing()], loop, 1, Ping), options.Timing.StartingNow()));
        var sequentialQueue = new CallRow("bare work queue, 1 queue", 1, await MeasureQueuesAsync(1, 1, options.Timing));

        var concurrentQueues = new Dictionary<int, CallRow>();
        foreach (var count in GrainBenchmarkOptions.GrainCounts)
        {
            concurrentQueues[count] = new CallRow(
                $"bare work queue, {count:N0} {(count == 1 ? "queue" : "queues")}",
                options.Concurrency,
                await MeasureQueuesAsync(count, options.Concurrency, options.Timing));
        }

        return new BaselineRows(direct, sequentialQueue, concurrentQueues);
    }

    private static async Task<MeasuredWindow> MeasureQueuesAsync(int queues, int loops, LoadTiming timing)
    {
        var targets = Enumerable.Range(0, queues).Select(_ => new ChannelWorkQueue()).ToArray();
        var measured = await ClosedLoop.RunAsync(loops, loop => RoundRobin.Calls<IPing>(targets, loop, loops, Ping), timing.StartingNow());
        await Task.WhenAll(targets.Select(queue => queue.StopAsync()));
        return measured;
    }

    private static Task<int> Ping(IPing target, int value) => target.PingAsync(value);
}
