using Instagram.Silo.Media.Imaging;

namespace Media.Benchmarks;

/// <summary>One upload, start to finish: header, single decode, four WebP variants and the blurhash.</summary>
internal static class ProcessorLatency
{
    public static Timings Measure(string photo, int iterations, int threadsPerImage)
    {
        var processor = new VipsImageProcessor(new VipsImageProcessorOptions { ThreadsPerImage = threadsPerImage });
        return Timings.Measure(
            $"VipsImageProcessor, {threadsPerImage} libvips thread{(threadsPerImage == 1 ? "" : "s")}",
            iterations,
            () => processor.Render(photo, ImageVariants.All, long.MaxValue));
    }
}
