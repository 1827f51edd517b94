namespace Instagram.Silo.Media.Imaging;

// Values of the libvips 8.14 enums we pass; the C headers are the reference (vips/image.h,
// vips/resample.h, vips/conversion.h, vips/foreign.h). Plain ints because they cross P/Invoke as gint.

internal static class VipsAccess
{
    /// <summary>Top-to-bottom reading: lets loaders stream, and makes opening a file read only its header.</summary>
    public const int Sequential = 1;
}

internal static class VipsSize
{
    /// <summary>Only ever shrink: an image smaller than the target keeps its size.</summary>
    public const int Down = 2;
}

internal static class VipsInteresting
{
    public const int None = 0;
    public const int Centre = 1;
}

internal static class VipsFailOn
{
    /// <summary>Fail on truncated files and decoder errors, but tolerate warnings (common in camera JPEGs).</summary>
    public const int Error = 2;
}

internal static class VipsInterpretation
{
    public const int BlackAndWhite = 1;
    public const int Srgb = 22;
    public const int Grey16 = 26;
}

internal static class VipsBandFormat
{
    public const int UnsignedChar = 0;
}

internal static class VipsLimits
{
    /// <summary>VIPS_MAX_COORD: as a thumbnail height it means "no bound", so only the width constrains.</summary>
    public const int MaxCoordinate = 10_000_000;
}
