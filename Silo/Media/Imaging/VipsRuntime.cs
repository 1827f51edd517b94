using System.Runtime.CompilerServices;
using Instagram.Silo.Storage.Sqlite;
using NetVips;
using Vips = NetVips.NetVips;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// libvips's process-wide state, set through NetVips for a service that processes untrusted uploads on a
/// worker pool. NetVips starts libvips by itself (its module initialiser calls <c>vips_init</c>) the first
/// time anything touches one of its types, and libvips's modules then load Debian's libsqlite3 into the
/// process: so every processor comes here before it touches NetVips, and here e_sqlite3 is loaded with its
/// symbols bound first.
/// </summary>
internal static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool configured;

    /// <summary>Starts libvips if nothing has yet, configured once; sets the threads each image may use (process-wide).</summary>
    public static void Ensure(int threadsPerImage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadsPerImage, 1);
        lock (Gate)
        {
            if (!configured)
            {
                // libvips's modules bring Debian's libsqlite3 into the global symbol scope; ours must be bound first.
                // This method itself names no NetVips type, so nothing here can start libvips before this line.
                _ = SqliteNativeLibrary.LoadWithSymbolsBound();
                Configure();
                configured = true;
            }

            SetThreadsPerImage(threadsPerImage);
        }
    }

    /// <summary>Bytes libvips has allocated for pixel buffers at the most, since start: the benchmark's memory gauge.</summary>
    public static long TrackedMemoryHighWater => (long)Stats.MemHighwater;

    /// <summary>Bytes libvips holds for pixel buffers now.</summary>
    public static long TrackedMemory => Stats.Mem;

    // The first touch of NetVips starts libvips: kept in methods of their own, never inlined into Ensure, so
    // that it happens only when they are called, after the SQLite load.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Configure()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new InvalidOperationException("libvips could not be started (is Debian's libvips42 installed?).", ModuleInitializer.Exception);
        }

        // Uploads are hostile input: only the loaders libvips marks as fuzzed and safe may open them
        // (no ImageMagick, PDF, FITS, matrix or other "untrusted" loaders). Needs libvips 8.13 or later.
        Vips.BlockUntrusted = true;

        // The operation cache would keep decoded images of past jobs alive for reuse that never comes
        // (every upload is a new file); without it, memory per job is just the job's pipeline.
        Cache.Max = 0;
    }

    // The media worker pool already runs one job per core; libvips's own threads per image would only
    // contend with the other jobs for the same cores.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SetThreadsPerImage(int threadsPerImage) => Vips.Concurrency = threadsPerImage;
}
