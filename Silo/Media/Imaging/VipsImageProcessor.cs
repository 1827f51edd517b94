namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// <see cref="IImageProcessor"/> on libvips. One decode per image: the file is shrunk on load to the widest size
/// any variant needs, made upright and 8-bit sRGB, held in memory, and every variant (and the blurhash source)
/// is cut from that copy. Variants are WebP with all metadata stripped.
/// </summary>
public sealed class VipsImageProcessor : IImageProcessor
{
    private readonly VipsImageProcessorOptions options;

    public VipsImageProcessor(VipsImageProcessorOptions? options = null)
    {
        this.options = options ?? new VipsImageProcessorOptions();
        this.options.Validate();
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

        VipsImageHandle image;
        try
        {
            image = VipsOperations.OpenHeader(path);
        }
        catch (VipsException exception)
        {
            throw new MediaRejectedException(MediaRejection.Unsupported, "No image loader accepts the file.", exception);
        }

        using (image)
        {
            var loader = VipsOperations.GetString(image, "vips-loader") ?? "";
            var format = ImageLoaderFamily.FromLoader(loader)
                ?? throw new MediaRejectedException(MediaRejection.Unsupported, $"Images read by libvips's {loader} are not accepted.");

            var header = new ImageHeader(
                format,
                VipsOperations.Width(image),
                VipsOperations.Height(image),
                Math.Max(1, VipsOperations.GetInt(image, "n-pages") ?? 1));
            return new ImageProbe(
                header,
                VipsOperations.PageHeight(image),
                VipsOperations.GetInt(image, "orientation") ?? 1,
                VipsOperations.HasField(image, "icc-profile-data"));
        }
    }

    /// <summary>The single decode: shrink-on-load, upright, 8-bit sRGB, materialised in memory.</summary>
    private static VipsImageHandle Decode(string path, int width, bool hasIccProfile)
    {
        try
        {
            using var thumbnail = VipsOperations.ThumbnailFile(path, width, convertProfileToSrgb: hasIccProfile);
            using var srgb = VipsOperations.ToEightBitSrgb(thumbnail);

            // Pixels are decoded here, so a damaged file fails here.
            return VipsOperations.CopyToMemory(srgb);
        }
        catch (VipsException exception)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "The image is damaged or truncated.", exception);
        }
    }

    private static RenderedVariant RenderVariant(VipsImageHandle decoded, ImageVariantSpec variant)
    {
        var (boxWidth, boxHeight) = VariantGeometry.TargetBox(variant, VipsOperations.Width(decoded), VipsOperations.Height(decoded));
        using var shrunk = VipsOperations.Shrink(decoded, boxWidth, boxHeight, variant.SquareCrop);
        return new RenderedVariant(
            variant.Name, VipsOperations.Width(shrunk), VipsOperations.Height(shrunk), VipsOperations.SaveWebP(shrunk, variant.Quality));
    }

    private string ComputeBlurhash(VipsImageHandle decoded)
    {
        var edge = options.BlurhashSourceSize;
        using var small = VipsOperations.Shrink(decoded, edge, edge, centreCrop: false);
        using var rgb = VipsOperations.ToOpaqueRgb(small);
        var (width, height) = (VipsOperations.Width(rgb), VipsOperations.Height(rgb));
        var (componentsX, componentsY) = width >= height
            ? (options.BlurhashComponentsLong, options.BlurhashComponentsShort)
            : (options.BlurhashComponentsShort, options.BlurhashComponentsLong);
        return Blurhash.Encode(VipsOperations.ReadPixels(rgb), width, height, componentsX, componentsY);
    }

    private sealed record ImageProbe(ImageHeader Header, int PageHeight, int Orientation, bool HasIccProfile);
}
