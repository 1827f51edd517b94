using System.Text;

namespace Media.Benchmarks;

/// <summary>
/// A photo-like test image: gradients for smooth areas, a pattern for edges and seeded noise for sensor grain,
/// so JPEG decoding and WebP encoding do real work (a flat image would flatter both). Same bytes every run.
/// </summary>
internal static class BenchmarkPhoto
{
    public static string Create(string directory, int width, int height)
    {
        var ppm = Path.Combine(directory, "photo.ppm");
        var jpeg = Path.Combine(directory, "photo.jpg");
        var random = new Random(20261121);
        using (var file = File.Create(ppm))
        {
            file.Write(Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"));
            var row = new byte[width * 3];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var ring = (int)(127 + 127 * Math.Sin(Math.Sqrt((x - width / 3.0) * (x - width / 3.0) + (y - height / 2.0) * (y - height / 2.0)) / 18));
                    var grain = random.Next(-24, 25);
                    row[x * 3] = Clamp(x * 255 / width + grain);
                    row[x * 3 + 1] = Clamp((ring + y * 255 / height) / 2 + grain);
                    row[x * 3 + 2] = Clamp(((x / 40 + y / 40) % 2 == 0 ? 200 : 60) + grain);
                }

                file.Write(row);
            }
        }

        // The vips command (Debian libvips-tools) encodes it: the processor under test only ever reads JPEGs.
        CommandLine.Run("vips", "copy", ppm, jpeg + "[Q=90]");
        File.Delete(ppm);
        return jpeg;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
