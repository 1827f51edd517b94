using Instagram.Silo.Media;
using Instagram.Silo.Media.Imaging;

namespace Media.Tests.Imaging;

/// <summary>What the processor refuses, and with which reason: each reason is a different answer to the uploader.</summary>
public sealed class VipsImageProcessorRejectionTests : IDisposable
{
    private readonly TestDirectory directory = new("imaging");
    private readonly ImageFixtures fixtures;
    private readonly VipsImageProcessor processor = new();

    public VipsImageProcessorRejectionTests() => fixtures = new ImageFixtures(directory.Path);

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_truncated_jpeg_is_invalid_not_a_grey_picture()
    {
        var whole = File.ReadAllBytes(fixtures.Jpeg("whole.jpg", ImageFixtures.Gradient(600, 400)));
        var path = fixtures.PathOf("truncated.jpg");
        File.WriteAllBytes(path, whole[..(whole.Length * 6 / 10)]);

        Assert.Equal(new ImageHeader("jpeg", 600, 400, 1), processor.ReadHeader(path)); // the header is intact
        var rejected = Assert.Throws<MediaRejectedException>(() => processor.Render(path, ImageVariants.All, long.MaxValue));
        Assert.Equal(MediaRejection.Invalid, rejected.Rejection);
    }

    [Fact]
    public void An_empty_file_is_unsupported()
    {
        var path = fixtures.PathOf("empty.jpg");
        File.WriteAllBytes(path, []);

        Assert.Equal(MediaRejection.Unsupported, Assert.Throws<MediaRejectedException>(() => processor.ReadHeader(path)).Rejection);
        Assert.Equal(MediaRejection.Unsupported, Assert.Throws<MediaRejectedException>(() => processor.Render(path, ImageVariants.All, long.MaxValue)).Rejection);
    }

    [Fact]
    public void Text_named_jpg_is_unsupported()
    {
        var path = fixtures.PathOf("holiday.jpg");
        File.WriteAllText(path, "just some text pretending to be a photo\n1 2 3\n");

        Assert.Equal(MediaRejection.Unsupported, Assert.Throws<MediaRejectedException>(() => processor.ReadHeader(path)).Rejection);
    }

    [Fact]
    public void Formats_libvips_reads_but_we_do_not_accept_are_unsupported()
    {
        var path = fixtures.PathOf("picture.tif");
        NativeTool.Run(NativeTool.Vips, "copy", fixtures.Png("source.png", ImageFixtures.Gradient(32, 32)), path);

        Assert.Equal(MediaRejection.Unsupported, Assert.Throws<MediaRejectedException>(() => processor.ReadHeader(path)).Rejection);
    }

    [Fact]
    public void A_png_claiming_60000_by_60000_is_measured_from_its_header_and_refused_before_decoding()
    {
        var path = fixtures.PathOf("bomb.png");
        HandMadePng.WriteClaimingSize(path, 60_000, 60_000);
        Assert.True(new FileInfo(path).Length < 200);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var header = processor.ReadHeader(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(new ImageHeader("png", 60_000, 60_000, 1), header);
        Assert.Equal(3_600_000_000L, header.Pixels);
        Assert.True(allocated < 1_000_000, $"reading the header allocated {allocated} bytes");

        // The data behind the header is a few bytes: decoding would fail as Invalid, so TooLarge proves
        // the limit was applied before any decoding started.
        var rejected = Assert.Throws<MediaRejectedException>(() => processor.Render(path, ImageVariants.All, maxPixels: 50_000_000));
        Assert.Equal(MediaRejection.TooLarge, rejected.Rejection);
    }

    [Fact]
    public void The_pixel_limit_is_inclusive()
    {
        var path = fixtures.Jpeg("limit.jpg", ImageFixtures.Gradient(300, 200));

        Assert.Equal(MediaRejection.TooLarge, Assert.Throws<MediaRejectedException>(() => processor.Render(path, ImageVariants.All, 59_999)).Rejection);
        Assert.Equal(300, processor.Render(path, ImageVariants.All, 60_000).Width);
    }
}
