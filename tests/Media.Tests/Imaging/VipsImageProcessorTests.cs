using Instagram.Silo.Media.Imaging;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Xmp;

namespace Media.Tests.Imaging;

/// <summary>What comes out of the libvips processor for real files: upright, sRGB, stripped, WebP.</summary>
public sealed class VipsImageProcessorTests : IDisposable
{
    private const long Unlimited = long.MaxValue;
    private readonly TestDirectory directory = new("imaging");
    private readonly ImageFixtures fixtures;
    private readonly VipsImageProcessor processor = new();

    public VipsImageProcessorTests() => fixtures = new ImageFixtures(directory.Path);

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(6)] // stored image turned 90° clockwise for display: its left edge becomes the top
    [InlineData(8)] // turned 90° anticlockwise: its left edge becomes the bottom
    public void Exif_orientation_comes_out_upright(int orientation)
    {
        var path = fixtures.Jpeg("turned.jpg", ImageFixtures.RedLeftBlueRight(300, 200));
        ImageFixtures.TagOrientation(path, orientation);

        var header = processor.ReadHeader(path);
        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        Assert.Equal(new ImageHeader("jpeg", 300, 200, 1), header);
        Assert.Equal((200, 300), (rendered.Width, rendered.Height));
        var large = rendered.Variants.Single(v => v.Name == ImageVariants.Large1080.Name);
        Assert.Equal((200, 300), (large.Width, large.Height));

        var pixels = fixtures.DecodeWebP(large.WebP);
        Assert.Equal((200, 300), (pixels.Width, pixels.Height));
        var (top, bottom) = orientation == 6 ? (ImageFixtures.Red, ImageFixtures.Blue) : (ImageFixtures.Blue, ImageFixtures.Red);
        ColourAssert.Near(top, pixels.At(100, 40), where: "near the top");
        ColourAssert.Near(bottom, pixels.At(100, 260), where: "near the bottom");
        ColourAssert.Near(top, pixels.At(20, 40), where: "top left");
        ColourAssert.Near(top, pixels.At(180, 40), where: "top right");
    }

    [Fact]
    public void No_metadata_survives_in_any_variant()
    {
        var path = fixtures.JpegWithIccProfile("private.jpg", ImageFixtures.Gradient(800, 600));
        ImageFixtures.TagPrivateMetadata(path);
        ImageFixtures.TagOrientation(path, 6);
        var original = ImageMetadataReader.ReadMetadata(path);
        Assert.NotEmpty(original.OfType<GpsDirectory>()); // the fixture really carries what must go
        Assert.NotEmpty(original.OfType<XmpDirectory>());
        Assert.NotEmpty(original.OfType<IccDirectory>());

        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        foreach (var variant in rendered.Variants)
        {
            Assert.True(WebPFile.HasMagic(variant.WebP), $"{variant.Name} is not WebP");
            Assert.All(WebPFile.ChunkNames(variant.WebP), chunk => Assert.Contains(chunk, new[] { "VP8 ", "VP8L", "VP8X", "ALPH" }));

            var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(variant.WebP));
            Assert.Empty(directories.OfType<GpsDirectory>());
            Assert.Empty(directories.OfType<ExifIfd0Directory>());
            Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
            Assert.Empty(directories.OfType<XmpDirectory>());
            Assert.Empty(directories.OfType<IccDirectory>());

            var written = fixtures.PathOf(variant.Name + ".webp");
            File.WriteAllBytes(written, variant.WebP);
            var exif = NativeTool.Run(NativeTool.ExifTool, "-a", "-G1", "-s", written);
            Assert.DoesNotContain("GPS", exif);
            Assert.DoesNotContain("[IFD0]", exif);
            Assert.DoesNotContain("[XMP", exif);
            Assert.DoesNotContain("ICC", exif);
            Assert.DoesNotContain("Jane Doe", exif);
            Assert.DoesNotContain("SecretCam", exif);
        }
    }

    [Fact]
    public void Variants_are_webp_of_the_requested_sizes_in_the_requested_order()
    {
        var path = fixtures.Jpeg("landscape.jpg", ImageFixtures.Gradient(1600, 1200));

        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        Assert.Equal((1600, 1200), (rendered.Width, rendered.Height));
        Assert.Equal(
            [("thumb_150", 150, 150), ("small_320", 320, 240), ("medium_640", 640, 480), ("large_1080", 1080, 810)],
            rendered.Variants.Select(v => (v.Name, v.Width, v.Height)));
        foreach (var variant in rendered.Variants)
        {
            Assert.True(WebPFile.HasMagic(variant.WebP));
            var decoded = fixtures.DecodeWebP(variant.WebP);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void Portrait_variants_keep_the_aspect_ratio_by_width()
    {
        var path = fixtures.Jpeg("portrait.jpg", ImageFixtures.Gradient(1200, 1600));

        var rendered = processor.Render(path, [ImageVariants.Small320, ImageVariants.Large1080], Unlimited);

        Assert.Equal([(320, 427), (1080, 1440)], rendered.Variants.Select(v => (v.Width, v.Height)));
    }

    [Fact]
    public void A_small_image_is_never_enlarged_and_its_thumbnail_is_still_square()
    {
        var path = fixtures.Png("small.png", ImageFixtures.Gradient(200, 100));

        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        Assert.Equal(
            [(100, 100), (200, 100), (200, 100), (200, 100)],
            rendered.Variants.Select(v => (v.Width, v.Height)));
    }

    [Fact]
    public void A_panorama_thumbnail_is_cut_from_enough_pixels()
    {
        var path = fixtures.Jpeg("panorama.jpg", ImageFixtures.RedLeftBlueRight(3000, 300));

        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        Assert.Equal([(150, 150), (320, 32), (640, 64), (1080, 108)], rendered.Variants.Select(v => (v.Width, v.Height)));
        var thumb = fixtures.DecodeWebP(rendered.Variants[0].WebP);
        Assert.Equal((150, 150), (thumb.Width, thumb.Height));
    }

    [Fact]
    public void A_cmyk_jpeg_comes_out_in_srgb()
    {
        var path = fixtures.CmykJpeg("cmyk.jpg", ImageFixtures.RedLeftBlueRight(300, 200));
        Assert.Contains("cmyk", NativeTool.Run("/usr/bin/vipsheader", path));

        var rendered = processor.Render(path, [ImageVariants.Large1080], Unlimited);

        // Through a CMYK profile the ink colours come back darker than the RGB they were made from, so only
        // the hue is exact enough to check; read as RGB, or inverted (Adobe's CMYK), they would not be red and blue.
        var pixels = fixtures.DecodeWebP(rendered.Variants[0].WebP);
        var (left, right) = (pixels.At(40, 100), pixels.At(260, 100));
        Assert.True(left.R > left.G + 80 && left.R > left.B + 80, $"left should be red, is {left}");
        Assert.True(right.B > right.R + 50 && right.B > right.G + 50, $"right should be blue, is {right}");
    }

    [Fact]
    public void A_display_p3_photo_is_converted_to_srgb_before_its_profile_is_dropped()
    {
        var srgb = fixtures.Jpeg("srgb.jpg", ImageFixtures.RedLeftBlueRight(300, 200));
        var path = fixtures.PathOf("p3.jpg");
        NativeTool.Run(NativeTool.Vips, "icc_transform", srgb, path + "[Q=98]", "p3"); // same colours, P3 numbers (red is 201,49,36)

        var rendered = processor.Render(path, [ImageVariants.Large1080], Unlimited);

        var pixels = fixtures.DecodeWebP(rendered.Variants[0].WebP);
        ColourAssert.Near(ImageFixtures.Red, pixels.At(40, 100), tolerance: 10, where: "left");
        ColourAssert.Near(ImageFixtures.Blue, pixels.At(260, 100), tolerance: 10, where: "right");
    }

    [Fact]
    public void A_16_bit_png_comes_out_as_8_bit_with_the_same_colours()
    {
        var path = fixtures.PathOf("deep.png");
        HandMadePng.WriteRgb16(path, 300, 200, (x, _) => x < 150 ? ((ushort)(220 * 257), (ushort)(20 * 257), (ushort)(20 * 257)) : ((ushort)(20 * 257), (ushort)(20 * 257), (ushort)(220 * 257)));

        var rendered = processor.Render(path, [ImageVariants.Large1080], Unlimited);

        var pixels = fixtures.DecodeWebP(rendered.Variants[0].WebP);
        ColourAssert.Near(ImageFixtures.Red, pixels.At(40, 100), tolerance: 12, where: "left");
        ColourAssert.Near(ImageFixtures.Blue, pixels.At(260, 100), tolerance: 12, where: "right");
    }

    [Fact]
    public void An_animated_gif_renders_its_first_frame()
    {
        var first = ImageFixtures.RedLeftBlueRight(300, 200);
        var second = RgbImage.Draw(300, 200, (x, _) => x < 150 ? ImageFixtures.Blue : ImageFixtures.Red);
        var path = fixtures.AnimatedGif("animated.gif", first, second);

        var header = processor.ReadHeader(path);
        var rendered = processor.Render(path, [ImageVariants.Large1080], Unlimited);

        Assert.Equal(new ImageHeader("gif", 300, 200, 2), header);
        Assert.Equal((300, 200), (rendered.Width, rendered.Height));
        var pixels = fixtures.DecodeWebP(rendered.Variants[0].WebP);
        Assert.Equal((300, 200), (pixels.Width, pixels.Height));
        ColourAssert.Near(ImageFixtures.Red, pixels.At(40, 100), where: "left");
        ColourAssert.Near(ImageFixtures.Blue, pixels.At(260, 100), where: "right");
    }

    [Fact]
    public void Webp_and_png_inputs_are_read_with_their_loader_family()
    {
        var image = ImageFixtures.Gradient(64, 48);

        Assert.Equal(new ImageHeader("webp", 64, 48, 1), processor.ReadHeader(fixtures.WebP("in.webp", image)));
        Assert.Equal(new ImageHeader("png", 64, 48, 1), processor.ReadHeader(fixtures.Png("in.png", image)));
    }

    [Fact]
    public void A_heic_photo_is_read_as_heif_and_rendered()
    {
        var path = fixtures.Heic("photo.heic", ImageFixtures.RedLeftBlueRight(300, 200));

        var header = processor.ReadHeader(path);
        var rendered = processor.Render(path, [ImageVariants.Thumb150, ImageVariants.Large1080], Unlimited);

        Assert.Equal(new ImageHeader("heif", 300, 200, 1), header);
        var pixels = fixtures.DecodeWebP(rendered.Variants[1].WebP);
        ColourAssert.Near(ImageFixtures.Red, pixels.At(40, 100), where: "left");
        ColourAssert.Near(ImageFixtures.Blue, pixels.At(260, 100), where: "right");
    }

    [Fact]
    public void Transparency_is_kept()
    {
        var opaque = fixtures.Png("opaque.png", ImageFixtures.Gradient(100, 80));
        var path = fixtures.PathOf("transparent.png");
        NativeTool.Run(NativeTool.Vips, "bandjoin_const", opaque, path, "128");

        var rendered = processor.Render(path, [ImageVariants.Small320], Unlimited);

        var written = fixtures.PathOf("transparent.webp");
        File.WriteAllBytes(written, rendered.Variants[0].WebP);
        Assert.Equal("4", NativeTool.Run("/usr/bin/vipsheader", "-f", "bands", written).Trim());
    }

    [Fact]
    public void The_blurhash_places_the_colours_where_the_image_has_them()
    {
        var path = fixtures.Jpeg("halves.jpg", ImageFixtures.RedLeftBlueRight(300, 200));

        var rendered = processor.Render(path, ImageVariants.All, Unlimited);

        Assert.Equal(28, rendered.Blurhash.Length); // 4 × 3 components
        var decoded = BlurhashDecoder.Decode(rendered.Blurhash, 30, 20);
        ColourAssert.Near(ImageFixtures.Red, decoded.At(2, 10), tolerance: 60, where: "left of the placeholder");
        ColourAssert.Near(ImageFixtures.Blue, decoded.At(27, 10), tolerance: 60, where: "right of the placeholder");
    }
}
