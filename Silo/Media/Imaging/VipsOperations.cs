using System.Runtime.InteropServices;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// The libvips calls the processor makes, each returning an owned <see cref="VipsImageHandle"/> or managed
/// data, so the processor reads as a pipeline and never touches raw pointers or error codes.
/// </summary>
internal static class VipsOperations
{
    private const nint End = 0;

    /// <summary>Opens a file lazily: libvips reads the header now and pixels only when something asks for them.</summary>
    public static VipsImageHandle OpenHeader(string path) =>
        VipsImageHandle.Own(LibVips.vips_image_new_from_file(path, "access", VipsAccess.Sequential, End), "open");

    /// <summary>
    /// Loads, auto-rotates from EXIF and shrinks to at most <paramref name="width"/> wide in one go: JPEG and WebP
    /// decode straight at a reduced scale (shrink-on-load), so a 12 MP photo is never decoded whole.
    /// Decoder errors, truncation included, fail the load rather than yielding a grey remainder.
    /// With <paramref name="convertProfileToSrgb"/>, pixels go through the file's embedded ICC profile to sRGB
    /// (a Display P3 phone photo would look washed out once the profile is stripped otherwise); files without a
    /// profile skip that transform, since libvips then takes them as sRGB already.
    /// </summary>
    public static VipsImageHandle ThumbnailFile(string path, int width, bool convertProfileToSrgb)
    {
        var status = convertProfileToSrgb
            ? LibVips.vips_thumbnail(
                path, out var result, width,
                "height", VipsLimits.MaxCoordinate, "size", VipsSize.Down, "fail_on", VipsFailOn.Error, "export_profile", "srgb", End)
            : LibVips.vips_thumbnail(
                path, out result, width,
                "height", VipsLimits.MaxCoordinate, "size", VipsSize.Down, "fail_on", VipsFailOn.Error, End);
        return VipsImageHandle.Own(status, result, "thumbnail");
    }

    /// <summary>Shrinks (never enlarges) to fit <paramref name="width"/> × <paramref name="height"/>, or fills and centre-crops it.</summary>
    public static VipsImageHandle Shrink(VipsImageHandle image, int width, int height, bool centreCrop)
    {
        var status = LibVips.vips_thumbnail_image(
            image, out var result, width,
            "height", height, "size", VipsSize.Down, "crop", centreCrop ? VipsInteresting.Centre : VipsInteresting.None, End);
        return VipsImageHandle.Own(status, result, "thumbnail_image");
    }

    /// <summary>Runs the pipeline behind <paramref name="image"/> into RAM, so later reads do not decode again.</summary>
    public static VipsImageHandle CopyToMemory(VipsImageHandle image) =>
        VipsImageHandle.Own(LibVips.vips_image_copy_memory(image), "copy_memory");

    /// <summary>
    /// 8-bit sRGB (or 8-bit grey for grey sources), whatever came in: 16-bit PNGs, CMYK JPEGs and other
    /// interpretations. Alpha is kept. Returns the image itself (a new reference) when it already fits.
    /// </summary>
    public static VipsImageHandle ToEightBitSrgb(VipsImageHandle image)
    {
        var interpretation = LibVips.vips_image_get_interpretation(image);
        var grey = interpretation is VipsInterpretation.BlackAndWhite or VipsInterpretation.Grey16;
        var space = grey ? VipsInterpretation.BlackAndWhite : VipsInterpretation.Srgb;

        using var converted = VipsImageHandle.Own(LibVips.vips_colourspace(image, out var coloured, space, End), coloured, "colourspace");
        return VipsImageHandle.Own(
            LibVips.vips_cast(converted, out var cast, VipsBandFormat.UnsignedChar, End), cast, "cast");
    }

    /// <summary>Three bands of 8-bit sRGB, transparency laid over white: what the blurhash encoder reads.</summary>
    public static unsafe VipsImageHandle ToOpaqueRgb(VipsImageHandle image)
    {
        using var srgb = VipsImageHandle.Own(LibVips.vips_colourspace(image, out var coloured, VipsInterpretation.Srgb, End), coloured, "colourspace");
        if (LibVips.vips_image_hasalpha(srgb) == 0)
        {
            return VipsImageHandle.Own(LibVips.vips_cast(srgb, out var cast, VipsBandFormat.UnsignedChar, End), cast, "cast");
        }

        var white = stackalloc double[] { 255, 255, 255 };
        var background = LibVips.vips_array_double_new(white, 3);
        try
        {
            using var flat = VipsImageHandle.Own(LibVips.vips_flatten(srgb, out var flattened, "background", background, End), flattened, "flatten");
            return VipsImageHandle.Own(LibVips.vips_cast(flat, out var cast, VipsBandFormat.UnsignedChar, End), cast, "cast");
        }
        finally
        {
            LibVips.vips_area_unref(background);
        }
    }

    /// <summary>Encodes WebP with every piece of metadata stripped (EXIF, XMP, ICC).</summary>
    public static byte[] SaveWebP(VipsImageHandle image, int quality)
    {
        if (LibVips.vips_webpsave_buffer(image, out var buffer, out var length, "Q", quality, "strip", 1, End) != 0)
        {
            throw VipsException.FromErrorBuffer("webpsave_buffer");
        }

        // "strip" is not enough on libvips 8.14.1: see WebPMetadataStripper.
        return WebPMetadataStripper.Strip(CopyAndFree(buffer, length));
    }

    /// <summary>The pixels, row after row, band-interleaved.</summary>
    public static byte[] ReadPixels(VipsImageHandle image)
    {
        var buffer = LibVips.vips_image_write_to_memory(image, out var length);
        if (buffer == nint.Zero)
        {
            throw VipsException.FromErrorBuffer("write_to_memory");
        }

        return CopyAndFree(buffer, length);
    }

    public static int Width(VipsImageHandle image) => LibVips.vips_image_get_width(image);

    public static int Height(VipsImageHandle image) => LibVips.vips_image_get_height(image);

    public static int Bands(VipsImageHandle image) => LibVips.vips_image_get_bands(image);

    /// <summary>Height of one page (frame); equals the height for single-page images.</summary>
    public static int PageHeight(VipsImageHandle image) => LibVips.vips_image_get_page_height(image);

    public static bool HasField(VipsImageHandle image, string name) => LibVips.vips_image_get_typeof(image, name) != 0;

    public static int? GetInt(VipsImageHandle image, string name) =>
        LibVips.vips_image_get_typeof(image, name) != 0 && LibVips.vips_image_get_int(image, name, out var value) == 0
            ? value
            : null;

    public static string? GetString(VipsImageHandle image, string name) =>
        LibVips.vips_image_get_typeof(image, name) != 0 && LibVips.vips_image_get_string(image, name, out var value) == 0
            ? Marshal.PtrToStringUTF8(value)
            : null;

    private static byte[] CopyAndFree(nint buffer, nuint length)
    {
        try
        {
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(buffer, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            LibVips.g_free(buffer);
        }
    }
}
