namespace Media.Benchmarks;

/// <summary>
/// The obvious alternative: Debian's vipsthumbnail run once per size, each run decoding the JPEG again (with
/// shrink-on-load) and paying a process start. Same sizes, qualities and stripping as our variants.
/// </summary>
internal static class VipsThumbnailBaseline
{
    private static readonly (string Size, string Quality, bool Crop)[] Runs =
    [
        ("1080x", "90", false), ("640x", "85", false), ("320x", "85", false), ("150", "80", true),
    ];

    public static Timings Measure(string photo, string directory, int iterations) =>
        Timings.Measure("vipsthumbnail, 4 runs (default threads)", iterations, () =>
        {
            foreach (var (size, quality, crop) in Runs)
            {
                var output = Path.Combine(directory, $"thumb_{size.TrimEnd('x')}.webp[Q={quality},strip]");
                if (crop)
                {
                    CommandLine.Run("vipsthumbnail", photo, "-s", size, "--smartcrop", "centre", "-o", output);
                }
                else
                {
                    CommandLine.Run("vipsthumbnail", photo, "-s", size, "-o", output);
                }
            }
        });

    /// <summary>What four process starts alone cost, to read the comparison fairly.</summary>
    public static Timings MeasureProcessStarts(int iterations) =>
        Timings.Measure("vipsthumbnail --vips-version ×4 (start-up only)", iterations, () =>
        {
            for (var i = 0; i < 4; i++)
            {
                CommandLine.Run("vipsthumbnail", "--vips-version");
            }
        });
}
