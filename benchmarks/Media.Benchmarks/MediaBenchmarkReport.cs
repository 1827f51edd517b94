using System.Runtime.InteropServices;

namespace Media.Benchmarks;

/// <summary>Plain aligned text, so the numbers paste into issue notes as they are.</summary>
internal sealed class MediaBenchmarkReport(TextWriter output)
{
    /// <summary>Ours over vipsthumbnail's median: the target is at most this.</summary>
    private const double TargetRatio = 0.6;

    public void Header(MediaBenchmarkOptions options)
    {
        output.WriteLine($"Image pipeline benchmark — {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        output.WriteLine($"{options.Iterations} timed iterations after 2 warm-ups; variants thumb_150 (square, Q80), small_320 (Q85), medium_640 (Q85), large_1080 (Q90), WebP");
    }

    public void Memory(JobMemoryResult memory)
    {
        output.WriteLine($"memory of one job: libvips peak {Megabytes(memory.LibVipsPeakBytes)}, process peak RSS growth " +
            (memory.ProcessPeakGrowthBytes is { } growth ? Megabytes(growth) : "n/a (no /proc/self/clear_refs)"));
        output.WriteLine();
    }

    public void Latency(Timings ours, Timings oursAllThreads, Timings vipsThumbnail, Timings processStarts)
    {
        output.WriteLine($"{"one image, four variants",-48} {"median",10} {"mean",10} {"min",10} {"vs vipsthumbnail",17}");
        foreach (var timings in new[] { ours, oursAllThreads, vipsThumbnail })
        {
            output.WriteLine($"{timings.Scenario,-48} {Ms(timings.Median),10} {Ms(timings.Mean),10} {Ms(timings.Min),10} {timings.Median / vipsThumbnail.Median,16:F2}x");
        }

        var ratio = ours.Median / vipsThumbnail.Median;
        output.WriteLine($"of which process start-up: {processStarts.Scenario} median {Ms(processStarts.Median)}");
        output.WriteLine($"ratio ours (1 thread, as in production) / vipsthumbnail = {ratio:F2} (target ≤ {TargetRatio:F1}: {(ratio <= TargetRatio ? "met" : "NOT met")})");
        // A long-lived libvips service would not pay the start-ups; this is the ratio against that, the stricter bar.
        output.WriteLine($"ratio without vipsthumbnail's process start-ups = {ours.Median / Math.Max(1, vipsThumbnail.Median - processStarts.Median):F2}");
        output.WriteLine();
    }

    public void Throughput(ThroughputResult result)
    {
        output.WriteLine($"throughput: {result.Workers} workers, {result.Images} images in {result.Elapsed.TotalSeconds:F2} s = {result.ImagesPerSecond:F1} images/s");
        Failures(result);
    }

    /// <summary>The parallel phase repeated: how many runs completed, and the spread of their rates.</summary>
    public void ThroughputRuns(IReadOnlyList<ThroughputResult> runs, int requested)
    {
        var rates = runs.Select(run => run.ImagesPerSecond).Order().ToArray();
        var failures = runs.Sum(run => run.Failures);
        output.WriteLine(
            $"throughput runs: {runs.Count} of {requested} completed ({runs.Sum(run => run.Images)} images, {runs[0].Workers} workers), no crash; " +
            $"images/s median {rates[rates.Length / 2]:F1}, min {rates[0]:F1}, max {rates[^1]:F1}; {failures} renders threw");
        if (runs.FirstOrDefault(run => run.FirstFailure is not null) is { } failed)
        {
            Failures(failed);
        }
    }

    /// <summary>The soak: jobs completed, and what libvips and the process hold once it is over (a leak shows here).</summary>
    public void Soak(ThroughputResult result, int requested, long libVipsBytesNow, long? processResidentBytes)
    {
        output.WriteLine(
            $"soak: {result.Images} of {requested} jobs completed by {result.Workers} workers in {result.Elapsed.TotalSeconds:F1} s " +
            $"({result.ImagesPerSecond:F1} images/s), no crash; {result.Failures} renders threw; afterwards libvips holds {Megabytes(libVipsBytesNow)}, " +
            $"process RSS {(processResidentBytes is { } rss ? Megabytes(rss) : "n/a")}");
        Failures(result);
    }

    private void Failures(ThroughputResult result)
    {
        if (result.FirstFailure is { } failure)
        {
            output.WriteLine($"  {result.Failures} renders threw; the first: {failure.GetType().Name}: {failure.Message}");
        }
    }

    public void Note(string text) => output.WriteLine(text);

    private static string Ms(double milliseconds) => $"{milliseconds:F1} ms";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):F1} MiB";
}
