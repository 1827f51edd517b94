using Instagram.Silo.Media.Imaging;

namespace Media.Tests.Imaging;

public sealed class BlurhashTests
{
    [Theory]
    [InlineData(0, 1, "0")]
    [InlineData(82, 1, "~")]
    [InlineData(83, 2, "10")]
    [InlineData(3429, 2, "fQ")] // 41 × 83 + 26: the neutral AC value (9, 9, 9)
    [InlineData(83 * 83 * 83 * 83 - 1, 4, "~~~~")]
    public void Base83_writes_fixed_width_digits(int value, int digits, string expected) =>
        Assert.Equal(expected, Base83.Encode(value, digits));

    [Fact]
    public void Base83_refuses_values_that_do_not_fit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Base83.Encode(83, 1));

    [Fact]
    public void Solid_black_is_the_well_known_all_neutral_hash() =>
        Assert.Equal("L00000fQfQfQfQfQfQfQfQfQfQfQ", Blurhash.Encode(Solid(16, 12, 0, 0, 0), 16, 12));

    [Theory]
    [InlineData(220, 20, 20)]
    [InlineData(255, 255, 255)]
    [InlineData(18, 140, 200)]
    public void A_solid_colour_keeps_its_colour_in_the_dc_and_neutral_ac(byte r, byte g, byte b) // pixel-centre sampling: see Blurhash
    {
        var hash = Blurhash.Encode(Solid(20, 10, r, g, b), 20, 10);

        Assert.Equal("L0", hash[..2]); // 4 × 3 components; largest AC quantised to 0
        Assert.Equal(Base83.Encode((r << 16) | (g << 8) | b, 4), hash[2..6]); // sRGB → linear → sRGB round-trips exactly
        Assert.Equal(string.Concat(Enumerable.Repeat("fQ", 11)), hash[6..]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(3, 4)]
    [InlineData(9, 9)]
    public void Length_and_size_flag_follow_the_component_counts(int x, int y)
    {
        var hash = Blurhash.Encode(Gradient(32, 24), 32, 24, x, y);

        Assert.Equal(6 + 2 * (x * y - 1), hash.Length);
        Assert.Equal((x, y), BlurhashDecoder.Components(hash));
        Assert.All(hash, c => Assert.Contains(c, Base83.Alphabet));
    }

    [Fact]
    public void A_horizontal_split_decodes_to_the_same_split()
    {
        var pixels = new byte[40 * 20 * 3];
        for (var i = 0; i < 40 * 20; i++)
        {
            var left = i % 40 < 20;
            (pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]) = left ? ((byte)230, (byte)230, (byte)230) : ((byte)10, (byte)10, (byte)10);
        }

        var decoded = BlurhashDecoder.Decode(Blurhash.Encode(pixels, 40, 20), 40, 20);

        // Four cosines cannot draw a sharp edge: light and dark are approximate, their order is not.
        Assert.True(decoded.At(2, 10).R > 180, $"left should be light, is {decoded.At(2, 10)}");
        Assert.True(decoded.At(37, 10).R < 100, $"right should be dark, is {decoded.At(37, 10)}");
        Assert.InRange(Math.Abs(decoded.At(5, 2).R - decoded.At(5, 17).R), 0, 8); // nothing changes top to bottom
    }

    [Fact]
    public void A_vertical_gradient_only_uses_vertical_components()
    {
        var pixels = Solid(24, 24, 0, 0, 0);
        for (var y = 0; y < 24; y++)
        {
            for (var x = 0; x < 24; x++)
            {
                pixels[(y * 24 + x) * 3 + 1] = (byte)(y * 10);
            }
        }

        var hash = Blurhash.Encode(pixels, 24, 24, 3, 3);

        // Components (1,0), (2,0), (1,1), (2,1), (1,2), (2,2) vary across x only: neutral.
        foreach (var index in new[] { 1, 2, 4, 5, 7, 8 })
        {
            Assert.Equal("fQ", hash.Substring(4 + index * 2, 2));
        }

        Assert.NotEqual("fQ", hash.Substring(4 + 3 * 2, 2));
    }

    [Fact]
    public void Rejects_pixels_that_do_not_match_the_size() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Blurhash.Encode(new byte[10], 2, 2));

    private static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            (pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]) = (r, g, b);
        }

        return pixels;
    }

    private static byte[] Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            (pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]) = ((byte)(i % width * 8), (byte)(i / width * 10), 90);
        }

        return pixels;
    }
}
