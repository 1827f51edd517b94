namespace Media.Tests.Imaging;

internal static class ColourAssert
{
    /// <summary>Lossy encoders and colour conversions move values a little; a colour in the wrong place moves them a lot.</summary>
    public static void Near((byte R, byte G, byte B) expected, (byte R, byte G, byte B) actual, int tolerance = 40, string where = "")
    {
        var distance = Math.Max(Math.Abs(expected.R - actual.R), Math.Max(Math.Abs(expected.G - actual.G), Math.Abs(expected.B - actual.B)));
        Assert.True(distance <= tolerance, $"expected {expected} {where}, got {actual} (off by {distance}, tolerance {tolerance})");
    }
}
