using System.Diagnostics;
using Instagram.Silo.Media.Imaging;

namespace Media.Benchmarks;

/// <param name="Failures">Renders that threw (a crash would have ended the process instead).</param>
/// <param name="FirstFailure">The first render's exception, if any threw.</param>
internal sealed record ThroughputResult(int Workers, int Images, TimeSpan Elapsed, int Failures = 0, Exception? FirstFailure = null)
{
    public double ImagesPerSecond => Images / Elapsed.TotalSeconds;
}

/// <summary>Uploads processed per second with a fixed number of workers, as the media worker pool runs them (one libvips thread each).</summary>
internal static class ProcessorThroughput
{
    /// <summary>Each worker renders <paramref name="imagesPerWorker"/> images.</summary>
    public static ThroughputResult Measure(VipsImageProcessor processor, string photo, int workers, int imagesPerWorker) =>
        Run(processor, photo, workers, workers * imagesPerWorker);

    /// <summary>A processor as the media pipeline builds it (one libvips thread per image), warmed up by one render.</summary>
    public static VipsImageProcessor CreateWarmProcessor(string photo)
    {
        var processor = new VipsImageProcessor(new VipsImageProcessorOptions { ThreadsPerImage = 1 });
        processor.Render(photo, ImageVariants.All, long.MaxValue);
        return processor;
    }

    /// <summary>
    /// <paramref name="jobs"/> renders shared by <paramref name="workers"/> threads, each taking the next job when it
    /// finishes one, as the media worker pool takes uploads. A render that throws is counted, not fatal.
    /// </summary>
    public static ThroughputResult Run(VipsImageProcessor processor, string photo, int workers, int jobs)
    {
        var taken = 0;
        var completed = 0;
        var failures = 0;
        Exception? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            while (Interlocked.Increment(ref taken) <= jobs)
            {
                try
                {
                    processor.Render(photo, ImageVariants.All, long.MaxValue);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, exception, null);
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return new ThroughputResult(workers, completed, Stopwatch.GetElapsedTime(started), failures, firstFailure);
    }
}
