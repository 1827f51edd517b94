using System.Diagnostics;

namespace Grains.Benchmarks.Measuring;

/// <summary>How long each row warms up before it measures, and how long it measures.</summary>
internal sealed record LoadTiming(TimeSpan Warmup, TimeSpan Window)
{
    public LoadWindow StartingNow() => LoadWindow.After(Warmup, Window);
}

/// <summary>
/// A measured window as two instants of this process's <see cref="Stopwatch"/>: calls before
/// <see cref="StartTimestamp"/> warm up, and loops stop at <see cref="EndTimestamp"/>. Instants rather than
/// durations, so that several calling grains measure exactly the same window, and no timer decides when
/// measuring starts: under load the thread pool ran timers seconds late. Valid only within this process,
/// which hosts the silo and every grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("bench.LoadWindow")]
public sealed record LoadWindow(long StartTimestamp, long EndTimestamp)
{
    public TimeSpan Length => Stopwatch.GetElapsedTime(StartTimestamp, EndTimestamp);

    public static LoadWindow After(TimeSpan warmup, TimeSpan window)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new LoadWindow(start, start + (long)(window.TotalSeconds * Stopwatch.Frequency));
    }
}
