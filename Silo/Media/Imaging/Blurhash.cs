namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// Blurhash encoder (the public algorithm by Wolt): the image as a handful of 2-D cosine components in linear
/// light, the average colour exactly and the rest quantised against their largest magnitude, all in base 83.
/// Clients paint it as a placeholder while the real image loads, so it must match what other implementations
/// decode. Pure: pixels in, string out.
/// <para>
/// One deliberate difference from the reference encoder: cosines are sampled at pixel centres (x + ½), the
/// textbook DCT-II, where the reference samples at pixel edges (x). Edge sampling leaks a flat colour into the
/// odd horizontal and vertical components by about 2/width of its value: 6 % on the 32-pixel image we encode,
/// enough to paint a plain photo's placeholder as a gradient. Decoders are unaffected (the format is the same),
/// but hashes differ slightly from other encoders' for the same pixels.
/// </para>
/// </summary>
public static class Blurhash
{
    /// <summary>Encodes 8-bit sRGB pixels, three bytes each, rows top to bottom without padding.</summary>
    /// <param name="componentsX">Cosine components across, 1–9 (4 is usual).</param>
    /// <param name="componentsY">Components down, 1–9 (3 is usual).</param>
    public static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int componentsX = 4, int componentsY = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(rgb.Length, checked(width * height * 3), nameof(rgb));
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsX, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsX, 9);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsY, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsY, 9);

        var factors = ComputeFactors(rgb, width, height, componentsX, componentsY);

        var hash = new char[6 + 2 * (factors.Length / 3 - 1)];
        var position = 0;
        Base83.Write(hash, ref position, componentsX - 1 + (componentsY - 1) * 9, digits: 1);

        var maximum = 0.0;
        for (var i = 3; i < factors.Length; i++)
        {
            maximum = Math.Max(maximum, Math.Abs(factors[i]));
        }

        // The AC components are sent relative to their largest magnitude, itself sent coarsely (83 steps);
        // with no AC components at all the value is irrelevant and the reference writes 0.
        var quantisedMaximum = factors.Length > 3 ? (int)Math.Clamp(Math.Floor(maximum * 166 - 0.5), 0, 82) : 0;
        var acScale = factors.Length > 3 ? (quantisedMaximum + 1) / 166.0 : 1;
        Base83.Write(hash, ref position, quantisedMaximum, digits: 1);

        var dc = (SrgbTransfer.ToSrgb(factors[0]) << 16) | (SrgbTransfer.ToSrgb(factors[1]) << 8) | SrgbTransfer.ToSrgb(factors[2]);
        Base83.Write(hash, ref position, dc, digits: 4);

        for (var i = 3; i < factors.Length; i += 3)
        {
            var value = QuantiseAc(factors[i] / acScale) * 19 * 19 + QuantiseAc(factors[i + 1] / acScale) * 19 + QuantiseAc(factors[i + 2] / acScale);
            Base83.Write(hash, ref position, value, digits: 2);
        }

        return new string(hash);
    }

    /// <summary>Per component (row-major, x fastest), the weighted mean of linear R, G, B under its cosine.</summary>
    private static double[] ComputeFactors(ReadOnlySpan<byte> rgb, int width, int height, int componentsX, int componentsY)
    {
        var cosX = CosineTable(componentsX, width);
        var cosY = CosineTable(componentsY, height);
        var factors = new double[componentsX * componentsY * 3];

        // One pass over the pixels for all components: linearise each pixel once, not once per component.
        var row = new double[componentsX * 3];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(row);
            for (var x = 0; x < width; x++)
            {
                var offset = (y * width + x) * 3;
                var r = SrgbTransfer.ToLinear(rgb[offset]);
                var g = SrgbTransfer.ToLinear(rgb[offset + 1]);
                var b = SrgbTransfer.ToLinear(rgb[offset + 2]);
                for (var i = 0; i < componentsX; i++)
                {
                    var weight = cosX[i * width + x];
                    row[i * 3] += weight * r;
                    row[i * 3 + 1] += weight * g;
                    row[i * 3 + 2] += weight * b;
                }
            }

            for (var j = 0; j < componentsY; j++)
            {
                var weight = cosY[j * height + y];
                for (var i = 0; i < componentsX; i++)
                {
                    var target = (j * componentsX + i) * 3;
                    factors[target] += weight * row[i * 3];
                    factors[target + 1] += weight * row[i * 3 + 1];
                    factors[target + 2] += weight * row[i * 3 + 2];
                }
            }
        }

        for (var component = 0; component < componentsX * componentsY; component++)
        {
            // The DC term is a plain mean; AC terms carry the factor 2 of the cosine basis' normalisation.
            var scale = (component == 0 ? 1.0 : 2.0) / (width * height);
            for (var channel = 0; channel < 3; channel++)
            {
                factors[component * 3 + channel] *= scale;
            }
        }

        return factors;
    }

    private static double[] CosineTable(int components, int length)
    {
        var table = new double[components * length];
        for (var i = 0; i < components; i++)
        {
            for (var p = 0; p < length; p++)
            {
                table[i * length + p] = Math.Cos(Math.PI * i * (p + 0.5) / length);
            }
        }

        return table;
    }

    /// <summary>19 levels around 9, on a square-root curve so small components keep resolution.</summary>
    private static int QuantiseAc(double value) =>
        (int)Math.Clamp(Math.Floor(SignedSquareRoot(value) * 9 + 9.5), 0, 18);

    private static double SignedSquareRoot(double value) => Math.CopySign(Math.Sqrt(Math.Abs(value)), value);
}
