using Instagram.Silo.Media.Imaging;

namespace Media.Benchmarks;

/// <param name="LibVipsPeakBytes">libvips's own pixel-buffer high-water mark (vips_tracked_get_mem_highwater).</param>
/// <param name="ProcessPeakGrowthBytes">Peak resident set during the job minus resident set before it (Linux VmHWM after resetting it).</param>
internal sealed record JobMemoryResult(long LibVipsPeakBytes, long? ProcessPeakGrowthBytes);

/// <summary>Memory one upload needs, measured on the first job of the process so nothing earlier hides in the peaks.</summary>
internal static class JobMemory
{
    public static JobMemoryResult MeasureOneJob(string photo)
    {
        var processor = new VipsImageProcessor();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ReadStatusKilobytes("VmRSS");
        var resetPeak = TryResetPeakResidentSet();

        processor.Render(photo, ImageVariants.All, long.MaxValue);

        var peak = ReadStatusKilobytes("VmHWM");
        long? growth = resetPeak && before is { } b && peak is { } p ? (p - b) * 1024 : null;
        return new JobMemoryResult(VipsRuntime.TrackedMemoryHighWater, growth);
    }

    /// <summary>Bytes libvips holds for pixel buffers right now.</summary>
    public static long LibVipsBytesNow => VipsRuntime.TrackedMemory;

    /// <summary>The process's resident set now (VmRSS), if Linux says.</summary>
    public static long? ProcessResidentBytes => ReadStatusKilobytes("VmRSS") * 1024;

    /// <summary>Writing 5 to clear_refs resets VmHWM (Linux 4.0+), so the peak read afterwards is this job's.</summary>
    private static bool TryResetPeakResidentSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadStatusKilobytes(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
