namespace Media.Tests.Imaging;

/// <summary>8-bit RGB pixels in memory: what fixtures are drawn as, and what outputs are decoded back into.</summary>
internal sealed class RgbImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = pixels;

    public static RgbImage Draw(int width, int height, Func<int, int, (byte R, byte G, byte B)> colourAt)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colourAt(x, y);
                var offset = (y * width + x) * 3;
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) = (r, g, b);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    public (byte R, byte G, byte B) At(int x, int y)
    {
        var offset = (y * Width + x) * 3;
        return (Pixels[offset], Pixels[offset + 1], Pixels[offset + 2]);
    }

    /// <summary>Binary PPM: the simplest file every tool reads.</summary>
    public void WritePpm(string path)
    {
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"P6\n{Width} {Height}\n255\n"));
        file.Write(Pixels);
    }

    public static RgbImage ReadPpm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var fields = new int[4];
        for (var field = 0; field < 4; field++)
        {
            // Header: "P6", width, height, maximum; whitespace separated, with # comments (vips writes one).
            while (char.IsWhiteSpace((char)bytes[position]) || bytes[position] == '#')
            {
                if (bytes[position] == '#')
                {
                    while (bytes[position] != '\n')
                    {
                        position++;
                    }
                }

                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var token = System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
            fields[field] = field == 0 ? (token == "P6" ? 0 : throw new InvalidDataException($"not a binary RGB PPM: {token}")) : int.Parse(token);
        }

        position++;
        Assert.Equal(255, fields[3]);
        return new RgbImage(fields[1], fields[2], bytes[position..(position + fields[1] * fields[2] * 3)]);
    }
}
