namespace Instagram.Silo.Media.Imaging;

/// <summary>One size we serve. Widths are upper bounds: an image narrower than the variant is not enlarged.</summary>
/// <param name="Name">Public name, e.g. <c>small_320</c>.</param>
/// <param name="Size">Target width (or edge of the square).</param>
/// <param name="SquareCrop">Crop to a centred square (thumbnails) instead of keeping the aspect ratio.</param>
/// <param name="Quality">WebP quality, 1–100.</param>
public sealed record ImageVariantSpec(string Name, int Size, bool SquareCrop, int Quality);

/// <summary>The four sizes of the seeds: thumbnail 150 px at 80 %, small 320 and medium 640 at 85 %, large 1080 at 90 %.</summary>
public static class ImageVariants
{
    public static readonly ImageVariantSpec Thumb150 = new("thumb_150", 150, SquareCrop: true, Quality: 80);
    public static readonly ImageVariantSpec Small320 = new("small_320", 320, SquareCrop: false, Quality: 85);
    public static readonly ImageVariantSpec Medium640 = new("medium_640", 640, SquareCrop: false, Quality: 85);
    public static readonly ImageVariantSpec Large1080 = new("large_1080", 1080, SquareCrop: false, Quality: 90);

    public static readonly IReadOnlyList<ImageVariantSpec> All = [Thumb150, Small320, Medium640, Large1080];
}

/// <summary>What an image's header says, read without decoding pixels.</summary>
/// <param name="Format">Loader family: <c>jpeg</c>, <c>png</c>, <c>webp</c>, <c>gif</c> or <c>heif</c>.</param>
/// <param name="Width">Stored width in pixels (before EXIF orientation).</param>
/// <param name="Height">Stored height in pixels (before EXIF orientation).</param>
/// <param name="Pages">Frames (animated GIF/WebP) or 1.</param>
public sealed record ImageHeader(string Format, int Width, int Height, int Pages)
{
    public long Pixels => (long)Width * Height;
}

/// <summary>One encoded variant: WebP bytes, upright, with no metadata at all.</summary>
public sealed record RenderedVariant(string Name, int Width, int Height, byte[] WebP);

/// <summary>The result of processing one image.</summary>
/// <param name="Width">Width of the upright image (after EXIF orientation).</param>
/// <param name="Height">Height of the upright image.</param>
/// <param name="Blurhash">Placeholder hash computed from a small variant.</param>
/// <param name="Variants">One per requested spec, in the order requested.</param>
public sealed record RenderedImage(int Width, int Height, string Blurhash, IReadOnlyList<RenderedVariant> Variants);

/// <summary>
/// Image decoding and resizing (libvips in production). Synchronous and CPU-bound by nature: callers run
/// it on the media worker pool, never on a grain turn or a request thread.
/// </summary>
public interface IImageProcessor
{
    /// <summary>
    /// Reads only the header. Throws <see cref="MediaRejectedException"/> (<see cref="MediaRejection.Unsupported"/>)
    /// if no loader accepts the file.
    /// </summary>
    ImageHeader ReadHeader(string path);

    /// <summary>
    /// Decodes the image once, applies EXIF orientation, drops every piece of metadata (EXIF, GPS, XMP,
    /// ICC after conversion to sRGB, comments) and renders each variant plus a blurhash. Refuses, before
    /// decoding, an image above <paramref name="maxPixels"/> (<see cref="MediaRejection.TooLarge"/>), and
    /// a damaged or truncated one with <see cref="MediaRejection.Invalid"/>.
    /// </summary>
    RenderedImage Render(string path, IReadOnlyList<ImageVariantSpec> variants, long maxPixels);
}
