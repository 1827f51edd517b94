using Runtime.Storage.Sqlite;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// libvips's process-wide state: initialised once, whichever thread gets here first, and set up for a
/// service that processes untrusted uploads on a worker pool.
/// </summary>
internal static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool initialised;

    /// <summary>Initialises libvips if nothing has yet; sets the threads each image may use (process-wide).</summary>
    public static void Ensure(int threadsPerImage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadsPerImage, 1);
        lock (Gate)
        {
            if (!initialised)
            {
                // libvips's modules bring Debian's libsqlite3 into the global symbol scope; ours must be bound first.
                _ = SqliteNativeLibrary.LoadWithSymbolsBound();
                if (LibVips.vips_init("instagram-silo") != 0)
                {
                    throw VipsException.FromErrorBuffer("vips_init");
                }

                // Uploads are hostile input: only the loaders libvips marks as fuzzed and safe may open them
                // (no ImageMagick, PDF, FITS, matrix or other "untrusted" loaders).
                LibVips.vips_block_untrusted_set(1);

                // The operation cache would keep decoded images of past jobs alive for reuse that never comes
                // (every upload is a new file); without it, memory per job is just the job's pipeline.
                LibVips.vips_cache_set_max(0);
                initialised = true;
            }

            // The media worker pool already runs one job per core; libvips's own threads per image would only
            // contend with the other jobs for the same cores.
            LibVips.vips_concurrency_set(threadsPerImage);
        }
    }

    /// <summary>Bytes libvips has allocated for pixel buffers at the most, since start: the benchmark's memory gauge.</summary>
    public static long TrackedMemoryHighWater => (long)LibVips.vips_tracked_get_mem_highwater();

    /// <summary>Bytes libvips holds for pixel buffers now.</summary>
    public static long TrackedMemory => (long)LibVips.vips_tracked_get_mem();
}
