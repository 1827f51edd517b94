namespace Instagram.Silo.Media.Imaging;

/// <summary>Tunables of <see cref="VipsImageProcessor"/>. libvips settings are process-wide: the last processor built wins.</summary>
public sealed record VipsImageProcessorOptions
{
    /// <summary>
    /// libvips worker threads per image. Default 1: the media worker pool already processes one image per core,
    /// so more threads per image add contention, not throughput. Raise it when images are processed one at a time.
    /// </summary>
    public int ThreadsPerImage { get; init; } = 1;

    /// <summary>Blurhash components across, for landscape images (swapped for portrait). Default 4, as the reference implementation suggests.</summary>
    public int BlurhashComponentsLong { get; init; } = 4;

    /// <summary>Blurhash components along the short side. Default 3.</summary>
    public int BlurhashComponentsShort { get; init; } = 3;

    /// <summary>Longest side of the image the blurhash is computed from, in pixels. Default 32: plenty for 4×3 cosines, and cheap.</summary>
    public int BlurhashSourceSize { get; init; } = 32;

    /// <summary>Fails at start-up rather than on the first upload.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ThreadsPerImage, 1, nameof(ThreadsPerImage));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlurhashSourceSize, 1, nameof(BlurhashSourceSize));
        foreach (var (components, name) in new[] { (BlurhashComponentsLong, nameof(BlurhashComponentsLong)), (BlurhashComponentsShort, nameof(BlurhashComponentsShort)) })
        {
            // The format stores each count minus one in a single base-83 digit, as x + 9y: 1 to 9 each.
            ArgumentOutOfRangeException.ThrowIfLessThan(components, 1, name);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(components, 9, name);
        }
    }
}
