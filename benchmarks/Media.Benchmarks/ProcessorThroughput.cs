using System.Diagnostics;
using Instagram.Silo.Media.Imaging;

namespace Media.Benchmarks;

internal sealed record ThroughputResult(int Workers, int Images, TimeSpan Elapsed)
{
    public double ImagesPerSecond => Images / Elapsed.TotalSeconds;
}

/// <summary>Uploads processed per second with a fixed number of workers, as the media worker pool runs them (one libvips thread each).</summary>
internal static class ProcessorThroughput
{
    public static ThroughputResult Measure(string photo, int workers, int imagesPerWorker)
    {
        var processor = new VipsImageProcessor(new VipsImageProcessorOptions { ThreadsPerImage = 1 });
        processor.Render(photo, ImageVariants.All, long.MaxValue);

        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < imagesPerWorker; i++)
            {
                processor.Render(photo, ImageVariants.All, long.MaxValue);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return new ThroughputResult(workers, workers * imagesPerWorker, Stopwatch.GetElapsedTime(started));
    }
}
