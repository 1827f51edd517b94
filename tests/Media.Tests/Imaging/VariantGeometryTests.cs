using Instagram.Silo.Media.Imaging;

namespace Media.Tests.Imaging;

public sealed class VariantGeometryTests
{
    [Theory]
    [InlineData(1, 300, 200)]
    [InlineData(3, 300, 200)]
    [InlineData(5, 200, 300)]
    [InlineData(6, 200, 300)]
    [InlineData(8, 200, 300)]
    public void Quarter_turn_orientations_swap_width_and_height(int orientation, int width, int height) =>
        Assert.Equal((width, height), VariantGeometry.Upright(300, 200, orientation));

    [Theory]
    [InlineData(3000, 2000, 1080)] // the large variant decides
    [InlineData(800, 600, 800)] // never more than the image
    [InlineData(6000, 500, 1800)] // a panorama's square thumbnail needs 150 px across 500 px of height
    [InlineData(20, 10, 20)]
    public void Decodes_at_the_smallest_width_that_serves_every_variant(int width, int height, int expected) =>
        Assert.Equal(expected, VariantGeometry.DecodeWidth(width, height, ImageVariants.All, extraWidth: 32));

    [Fact]
    public void Only_a_thumbnail_needs_only_its_share() =>
        Assert.Equal(225, VariantGeometry.DecodeWidth(3000, 2000, [ImageVariants.Thumb150], extraWidth: 32));
}
