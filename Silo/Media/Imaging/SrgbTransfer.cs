namespace Instagram.Silo.Media.Imaging;

/// <summary>The sRGB transfer curve, both ways: blurhash averages in linear light (averaging encoded values darkens edges).</summary>
internal static class SrgbTransfer
{
    // 256 inputs only: a table turns the per-pixel pow() into a load.
    private static readonly double[] Linear = BuildLinearTable();

    public static double ToLinear(byte value) => Linear[value];

    /// <summary>Linear 0–1 (clamped) to an 8-bit sRGB value, rounded.</summary>
    public static int ToSrgb(double linear)
    {
        var v = Math.Clamp(linear, 0, 1);
        var encoded = v <= 0.0031308 ? v * 12.92 : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055;
        return (int)(encoded * 255 + 0.5);
    }

    private static double[] BuildLinearTable()
    {
        var table = new double[256];
        for (var i = 0; i < 256; i++)
        {
            var v = i / 255.0;
            table[i] = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return table;
    }
}
