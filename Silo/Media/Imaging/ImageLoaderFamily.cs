namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// Maps the libvips loader that would open a file (the operation libvips picks by sniffing its first bytes) to
/// the formats we accept. Anything else libvips can read (TIFF, SVG, PPM, raw VIPS, ...) is refused before that
/// loader parses the file: each extra decoder is extra attack surface.
/// </summary>
internal static class ImageLoaderFamily
{
    private static readonly (string LoaderPrefix, string Format)[] Accepted =
    [
        ("jpegload", "jpeg"),
        ("pngload", "png"),
        ("webpload", "webp"),
        ("gifload", "gif"),
        ("heifload", "heif"),
    ];

    public static string? FromLoader(string loader)
    {
        foreach (var (prefix, format) in Accepted)
        {
            if (loader.StartsWith(prefix, StringComparison.Ordinal))
            {
                return format;
            }
        }

        return null;
    }
}
