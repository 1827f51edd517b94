using System.Diagnostics;

namespace Runtime.Benchmarks;

internal sealed record WriteResult(string Storage, int Writers, double WritesPerSecond, TimeSpan P50, TimeSpan P99);

/// <summary>Each writer is its own grain writing its state in a loop: durable writes per second through the runtime.</summary>
internal static class StateWriteThroughput
{
    public static async Task<WriteResult> MeasureAsync(string storage, IGrainFactory grains, int writers, TimeSpan warmup, TimeSpan window)
    {
        var recorders = new LatencyRecorder[writers];
        var measuring = false;
        var stopped = false;

        async Task WriterAsync(int writer)
        {
            var recorder = recorders[writer] = new LatencyRecorder();
            var grain = grains.GetGrain<IWriterGrain>(writer);
            while (!Volatile.Read(ref stopped))
            {
                var start = Stopwatch.GetTimestamp();
                await grain.WriteAsync();
                if (Volatile.Read(ref measuring))
                {
                    recorder.Record(start, Stopwatch.GetTimestamp());
                }
            }
        }

        var tasks = Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriterAsync(writer))).ToArray();
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(window);
        Volatile.Write(ref measuring, false);
        var elapsed = stopwatch.Elapsed;
        Volatile.Write(ref stopped, true);
        await Task.WhenAll(tasks);

        var (writes, p50, p99) = LatencyRecorder.Merge(recorders);
        return new WriteResult(storage, writers, writes / elapsed.TotalSeconds, p50, p99);
    }
}
