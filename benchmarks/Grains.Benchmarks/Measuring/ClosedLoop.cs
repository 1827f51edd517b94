using System.Diagnostics;

namespace Grains.Benchmarks.Measuring;

/// <summary>
/// Closed-loop load: each of N loops awaits one call, then starts the next, so N calls are outstanding at
/// any time. Calls before the window warm up (activations, tiered JIT); calls that start and end within it
/// are counted, with their latencies. Used alike outside a grain (the frontend's view) and inside one (grain
/// to grain): the loops start on the current task scheduler, which inside a grain is the activation's own,
/// so every call they make is a call from that grain.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="loops">Calls outstanding at once.</param>
    /// <param name="callFor">Given a loop's index, the call it repeats (each loop keeps its own state, e.g. its next target).</param>
    public static Task<MeasuredWindow> RunAsync(int loops, Func<int, Func<Task>> callFor, LoadWindow window) =>
        RunAsync(loops, callFor, new PendingWindow(window));

    /// <summary>Runs until the end of a window that <paramref name="window"/> may give only later.</summary>
    public static async Task<MeasuredWindow> RunAsync(int loops, Func<int, Func<Task>> callFor, PendingWindow window)
    {
        var recorders = new LoopRecorder[loops];
        var running = new Task[loops];
        var costBefore = ProcessCost.Now();
        for (var loop = 0; loop < loops; loop++)
        {
            var recorder = recorders[loop] = new LoopRecorder();
            var call = callFor(loop);
            // A direct call completes synchronously, so a loop may never yield: each gets its own start.
            running[loop] = Task.Factory.StartNew(
                () => CallUntilEndAsync(call, recorder, window),
                CancellationToken.None,
                TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Current).Unwrap();
        }

        await Task.WhenAll(running);
        var cost = ProcessCost.Now() - costBefore;

        var merged = new LatencyHistogram();
        foreach (var recorder in recorders)
        {
            merged.Add(recorder.Histogram.Counts);
        }

        // Loops end only past the window's end, so by now it is known.
        var length = window.Current!.Length;
        return new MeasuredWindow(merged.Counts.Sum(), length, [.. merged.Counts], recorders.Sum(r => r.Calls), cost);
    }

    private static async Task CallUntilEndAsync(Func<Task> call, LoopRecorder recorder, PendingWindow pending)
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (pending.Current is { } known && start >= known.EndTimestamp)
            {
                return;
            }

            await call();
            var end = Stopwatch.GetTimestamp();
            recorder.Calls++;
            if (pending.Current is { } window && start >= window.StartTimestamp && end <= window.EndTimestamp)
            {
                recorder.Histogram.Record(start, end);
            }
        }
    }

    /// <summary>One loop's own counts, merged after the run, so recording takes no locks.</summary>
    private sealed class LoopRecorder
    {
        public LatencyHistogram Histogram { get; } = new();

        public long Calls { get; set; }
    }
}
