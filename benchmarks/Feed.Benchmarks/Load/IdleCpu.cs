using System.Diagnostics;

namespace Feed.Benchmarks.Load;

/// <summary>
/// CPU this process uses with no requests at all: what the host's background work (timers of active grains,
/// stream polling, write-behind) costs, and so what every measured request shares the cores with.
/// </summary>
internal static class IdleCpu
{
    /// <summary>The share of one core used over <paramref name="window"/>.</summary>
    public static async Task<double> MeasureAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        return (process.TotalProcessorTime - before) / clock.Elapsed;
    }
}
