using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

public sealed class RenditionGeometryTests
{
    [Theory]
    [InlineData(1920, 1080, 720, 1280, 720)] // landscape: the height is the short side
    [InlineData(1080, 1920, 720, 720, 1280)] // portrait: the width is
    [InlineData(1280, 720, 480, 852, 480)] // 853.3 rounds to 853, then down to even
    [InlineData(1080, 1080, 480, 480, 480)]
    [InlineData(640, 360, 720, 640, 360)] // never enlarged
    [InlineData(641, 361, 720, 640, 360)] // odd sizes lose a pixel rather than gain one
    [InlineData(3840, 2160, 720, 1280, 720)]
    [InlineData(1, 1, 720, 2, 2)] // the smallest size H.264 4:2:0 can hold
    public void Fits_the_short_side_within_the_limit_with_even_sides(int width, int height, int limit, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), RenditionGeometry.Fit(width, height, limit));
}
