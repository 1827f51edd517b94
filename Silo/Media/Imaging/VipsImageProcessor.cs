using NetVips;
using Vips = NetVips.NetVips;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// <see cref="IImageProcessor"/> on libvips, through NetVips. One decode per image: the file is shrunk on load to
/// the widest size any variant needs, made upright and 8-bit sRGB, held in memory, and every variant (and the
/// blurhash source) is cut from that copy. Variants are WebP with all metadata stripped.
/// </summary>
/// <remarks>
/// Written against Debian's libvips 8.14, whose option names differ from those NetVips' generated methods use
/// for libvips 8.15 and later where noted. Every NetVips image is disposed as soon as it is used: each holds a
/// libvips reference, and a decoded photo left to the finaliser stays in memory until the next collection.
/// </remarks>
public sealed class VipsImageProcessor : IImageProcessor
{
    private readonly VipsImageProcessorOptions options;

    public VipsImageProcessor(VipsImageProcessorOptions? options = null)
    {
        this.options = options ?? new VipsImageProcessorOptions();
        this.options.Validate();

        // Before anything here touches NetVips: see VipsRuntime.
        VipsRuntime.Ensure(this.options.ThreadsPerImage);
    }

    public ImageHeader ReadHeader(string path) => Probe(path).Header;

    public RenderedImage Render(string path, IReadOnlyList<ImageVariantSpec> variants, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var probe = Probe(path);

        // Only the first page is ever decoded, so only it counts; checked on the header, before any pixel is read.
        var pixels = (long)probe.Header.Width * probe.PageHeight;
        if (pixels > maxPixels)
        {
            throw new MediaRejectedException(
                MediaRejection.TooLarge, $"The image has {pixels} pixels ({probe.Header.Width}×{probe.PageHeight}); at most {maxPixels} are accepted.");
        }

        var (width, height) = VariantGeometry.Upright(probe.Header.Width, probe.PageHeight, probe.Orientation);
        using var decoded = Decode(path, VariantGeometry.DecodeWidth(width, height, variants, options.BlurhashSourceSize), probe.HasIccProfile);

        var rendered = new List<RenderedVariant>(variants.Count);
        foreach (var variant in variants)
        {
            rendered.Add(RenderVariant(decoded, variant));
        }

        return new RenderedImage(width, height, ComputeBlurhash(decoded), rendered);
    }

    private static ImageProbe Probe(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // libvips reads "name[options]" as a file name with load options; our paths never end that way, and a
        // path that did would be misread, so it is a bug, not an upload to reject.
        if (path.EndsWith(']'))
        {
            throw new ArgumentException("libvips would read a trailing [...] as load options.", nameof(path));
        }

        // libvips picks the loader by sniffing the first bytes; one we do not accept never gets to parse the file.
        // (Building the VipsException takes libvips's message out of its process-wide error buffer.)
        var loaderClass = Image.FindLoad(path)
            ?? throw new MediaRejectedException(MediaRejection.Unsupported, "No image loader accepts the file.", new VipsException("no loader for the file"));

        // FindLoad names the loader's class (VipsForeignLoadJpegFile); its nickname (jpegload) is the operation's name.
        var loader = Vips.NicknameFind(Vips.TypeFromName(loaderClass));
        var format = ImageLoaderFamily.FromLoader(loader)
            ?? throw new MediaRejectedException(MediaRejection.Unsupported, $"Images read by libvips's {loader} are not accepted.");

        Image image;
        try
        {
            // Lazy and sequential: the loader reads the header now and pixels only when something asks for them.
            image = (Image)Operation.Call(loader, new VOption { { "access", Enums.Access.Sequential } }, path);
        }
        catch (VipsException exception)
        {
            throw new MediaRejectedException(MediaRejection.Unsupported, "No image loader accepts the file.", exception);
        }

        using (image)
        {
            var header = new ImageHeader(format, image.Width, image.Height, Math.Max(1, GetInt(image, "n-pages") ?? 1));
            return new ImageProbe(header, image.PageHeight, GetInt(image, "orientation") ?? 1, image.Contains("icc-profile-data"));
        }
    }

    /// <summary>The single decode: shrink-on-load, upright, 8-bit sRGB, materialised in memory.</summary>
    private static Image Decode(string path, int width, bool hasIccProfile)
    {
        try
        {
            using var thumbnail = ThumbnailFile(path, width, convertProfileToSrgb: hasIccProfile);
            using var srgb = ToEightBitSrgb(thumbnail);

            // Pixels are decoded here, so a damaged file fails here.
            return srgb.CopyMemory();
        }
        catch (VipsException exception)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "The image is damaged or truncated.", exception);
        }
    }

    /// <summary>
    /// Loads, auto-rotates from EXIF and shrinks to at most <paramref name="width"/> wide in one go: JPEG and WebP
    /// decode straight at a reduced scale (shrink-on-load), so a 12 MP photo is never decoded whole.
    /// Decoder errors, truncation included, fail the load rather than yielding a grey remainder.
    /// With <paramref name="convertProfileToSrgb"/>, pixels go through the file's embedded ICC profile to sRGB
    /// (a Display P3 phone photo would look washed out once the profile is stripped otherwise); files without a
    /// profile skip that transform, since libvips then takes them as sRGB already.
    /// </summary>
    private static Image ThumbnailFile(string path, int width, bool convertProfileToSrgb)
    {
        var arguments = new VOption
        {
            { "height", VariantGeometry.UnboundedHeight },
            { "size", Enums.Size.Down },
            { "fail_on", Enums.FailOn.Error },
        };
        if (convertProfileToSrgb)
        {
            // libvips 8.14 calls it export_profile; Image.Thumbnail passes 8.15's output_profile, which 8.14 refuses.
            arguments.Add("export_profile", "srgb");
        }

        return (Image)Operation.Call("thumbnail", arguments, path, width);
    }

    /// <summary>
    /// 8-bit sRGB (or 8-bit grey for grey sources), whatever came in: 16-bit PNGs, CMYK JPEGs and other
    /// interpretations. Alpha is kept.
    /// </summary>
    private static Image ToEightBitSrgb(Image image)
    {
        var grey = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16;
        using var converted = image.Colourspace(grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
        return converted.Cast(Enums.BandFormat.Uchar);
    }

    private static RenderedVariant RenderVariant(Image decoded, ImageVariantSpec variant)
    {
        var (boxWidth, boxHeight) = VariantGeometry.TargetBox(variant, decoded.Width, decoded.Height);
        using var shrunk = Shrink(decoded, boxWidth, boxHeight, variant.SquareCrop);

        // Stripping is asked for (NetVips turns keep=none into 8.14's strip), but 8.14.1 still writes an EXIF
        // chunk into WebP: see WebPMetadataStripper.
        var webp = shrunk.WebpsaveBuffer(q: variant.Quality, keep: Enums.ForeignKeep.None);
        return new RenderedVariant(variant.Name, shrunk.Width, shrunk.Height, WebPMetadataStripper.Strip(webp));
    }

    private string ComputeBlurhash(Image decoded)
    {
        var edge = options.BlurhashSourceSize;
        using var small = Shrink(decoded, edge, edge, centreCrop: false);
        using var rgb = ToOpaqueRgb(small);
        var (width, height) = (rgb.Width, rgb.Height);
        var (componentsX, componentsY) = width >= height
            ? (options.BlurhashComponentsLong, options.BlurhashComponentsShort)
            : (options.BlurhashComponentsShort, options.BlurhashComponentsLong);
        return Blurhash.Encode(rgb.WriteToMemory<byte>(), width, height, componentsX, componentsY);
    }

    /// <summary>Shrinks (never enlarges) to fit <paramref name="width"/> × <paramref name="height"/>, or fills and centre-crops it.</summary>
    private static Image Shrink(Image image, int width, int height, bool centreCrop) =>
        image.ThumbnailImage(width, height: height, size: Enums.Size.Down, crop: centreCrop ? Enums.Interesting.Centre : Enums.Interesting.None);

    /// <summary>Three bands of 8-bit sRGB, transparency laid over white: what the blurhash encoder reads.</summary>
    private static Image ToOpaqueRgb(Image image)
    {
        using var srgb = image.Colourspace(Enums.Interpretation.Srgb);
        if (!srgb.HasAlpha())
        {
            return srgb.Cast(Enums.BandFormat.Uchar);
        }

        using var flat = srgb.Flatten(background: [255, 255, 255]);
        return flat.Cast(Enums.BandFormat.Uchar);
    }

    private static int? GetInt(Image image, string name) =>
        image.Contains(name) && image.Get(name) is int value ? value : null;

    private sealed record ImageProbe(ImageHeader Header, int PageHeight, int Orientation, bool HasIccProfile);
}
