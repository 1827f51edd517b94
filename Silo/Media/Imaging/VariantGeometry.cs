namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// Sizes, worked out before any pixel is decoded: how wide the single decode must be for every variant to be
/// cut from it without enlarging, and the box each variant is shrunk into. Pure arithmetic, so it is tested
/// without libvips.
/// </summary>
internal static class VariantGeometry
{
    /// <summary>libvips's VIPS_MAX_COORD: as a thumbnail height it means "no bound", so only the width constrains.</summary>
    public const int UnboundedHeight = 10_000_000;

    /// <summary>EXIF orientations 5–8 turn the stored image a quarter turn: upright width and height swap.</summary>
    public static (int Width, int Height) Upright(int storedWidth, int storedHeight, int orientation) =>
        orientation is >= 5 and <= 8 ? (storedHeight, storedWidth) : (storedWidth, storedHeight);

    /// <summary>
    /// Width to decode at (upright), the smallest that still serves every variant at full sharpness: a plain
    /// variant needs its own width, a square one needs its edge across the short side (a panorama's thumbnail
    /// needs more width than the large variant does). Never more than the image has.
    /// </summary>
    public static int DecodeWidth(int width, int height, IReadOnlyList<ImageVariantSpec> variants, int extraWidth)
    {
        var shortSide = Math.Min(width, height);
        long needed = Math.Min(extraWidth, width);
        foreach (var variant in variants)
        {
            needed = Math.Max(needed, variant.SquareCrop
                ? ((long)width * Math.Min(variant.Size, shortSide) + shortSide - 1) / shortSide
                : Math.Min(variant.Size, width));
        }

        return (int)Math.Min(needed, width);
    }

    /// <summary>
    /// The box to shrink into: the square's edge (no larger than the short side, so small images still get a
    /// square), or the width with the height unbounded.
    /// </summary>
    public static (int Width, int Height) TargetBox(ImageVariantSpec variant, int width, int height)
    {
        if (variant.SquareCrop)
        {
            var edge = Math.Min(variant.Size, Math.Min(width, height));
            return (edge, edge);
        }

        return (Math.Min(variant.Size, width), UnboundedHeight);
    }
}
