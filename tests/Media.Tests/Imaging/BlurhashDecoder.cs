namespace Media.Tests.Imaging;

/// <summary>
/// An independent blurhash decoder, written from the algorithm's description, so the encoder is checked by
/// what a client would paint rather than against its own arithmetic.
/// </summary>
internal static class BlurhashDecoder
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    public static int DecodeBase83(string text) => text.Aggregate(0, (value, c) => value * 83 + Digits.IndexOf(c));

    public static (int X, int Y) Components(string hash)
    {
        var size = DecodeBase83(hash[..1]);
        return (size % 9 + 1, size / 9 + 1);
    }

    public static RgbImage Decode(string hash, int width, int height)
    {
        var (nx, ny) = Components(hash);
        Assert.Equal(4 + 2 * nx * ny, hash.Length);
        var maximum = (DecodeBase83(hash[1..2]) + 1) / 166.0;

        var colours = new (double R, double G, double B)[nx * ny];
        var dc = DecodeBase83(hash[2..6]);
        colours[0] = (ToLinear(dc >> 16), ToLinear((dc >> 8) & 255), ToLinear(dc & 255));
        for (var i = 1; i < colours.Length; i++)
        {
            var ac = DecodeBase83(hash.Substring(4 + i * 2, 2));
            colours[i] = (Unquantise(ac / 361) * maximum, Unquantise(ac / 19 % 19) * maximum, Unquantise(ac % 19) * maximum);
        }

        return RgbImage.Draw(width, height, (x, y) =>
        {
            double r = 0, g = 0, b = 0;
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    var basis = Math.Cos(Math.PI * x * i / width) * Math.Cos(Math.PI * y * j / height);
                    var c = colours[j * nx + i];
                    (r, g, b) = (r + c.R * basis, g + c.G * basis, b + c.B * basis);
                }
            }

            return (ToSrgb(r), ToSrgb(g), ToSrgb(b));
        });
    }

    private static double Unquantise(int value)
    {
        var centred = (value - 9) / 9.0;
        return Math.Sign(centred) * centred * centred;
    }

    private static double ToLinear(int value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static byte ToSrgb(double linear)
    {
        var v = Math.Clamp(linear, 0, 1);
        return (byte)Math.Round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255);
    }
}
