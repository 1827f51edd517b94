namespace Media.Tests.Imaging;

/// <summary>
/// Makes the test images at run time, in a test's own directory, with tools independent of the code under
/// test: pixels are drawn in C#, encoded by the vips command or ImageMagick, and tagged by exiftool.
/// </summary>
internal sealed class ImageFixtures(string directory)
{
    public static readonly (byte R, byte G, byte B) Red = (220, 20, 20);
    public static readonly (byte R, byte G, byte B) Blue = (20, 20, 220);

    /// <summary>Left half red, right half blue: any turn or mirror moves the colours somewhere else.</summary>
    public static RgbImage RedLeftBlueRight(int width, int height) =>
        RgbImage.Draw(width, height, (x, _) => x < width / 2 ? Red : Blue);

    /// <summary>Smooth gradients with some texture, so encoders have something real to do.</summary>
    public static RgbImage Gradient(int width, int height) =>
        RgbImage.Draw(width, height, (x, y) => ((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x ^ y) & 0xFF)));

    public string PathOf(string name) => Path.Combine(directory, name);

    public string Jpeg(string name, RgbImage image, int quality = 95) => Encode(name, image, $"[Q={quality}]");

    public string Png(string name, RgbImage image) => Encode(name, image, "");

    public string WebP(string name, RgbImage image) => Encode(name, image, "[Q=90]");

    /// <summary>HEVC in HEIF, as iPhones save photos (libheif's x265 encoder, through the vips command).</summary>
    public string Heic(string name, RgbImage image) => Encode(name, image, "[Q=90]");

    /// <summary>A JPEG with an sRGB ICC profile embedded, as cameras and phones write them.</summary>
    public string JpegWithIccProfile(string name, RgbImage image)
    {
        var plain = Jpeg("plain-" + name, image);
        var path = PathOf(name);
        NativeTool.Run(NativeTool.Vips, "icc_transform", plain, path + "[Q=95]", "srgb");
        return path;
    }

    /// <summary>A four-channel CMYK JPEG (ImageMagick converts through its naive CMYK formula; no profile).</summary>
    public string CmykJpeg(string name, RgbImage image)
    {
        var path = PathOf(name);
        NativeTool.Run(NativeTool.ImageMagick, Ppm(image), "-colorspace", "CMYK", "-quality", "95", path);
        return path;
    }

    public string AnimatedGif(string name, params RgbImage[] frames)
    {
        var path = PathOf(name);
        var arguments = new List<string> { "-delay", "10" };
        arguments.AddRange(frames.Select(Ppm));
        arguments.Add(path);
        NativeTool.Run(NativeTool.ImageMagick, [.. arguments]);
        return path;
    }

    public static void TagOrientation(string path, int orientation) =>
        NativeTool.Run(NativeTool.ExifTool, "-q", "-overwrite_original", $"-Orientation#={orientation}", path);

    /// <summary>What must never reach a viewer: where the photo was taken, who took it, with what, and notes.</summary>
    public static void TagPrivateMetadata(string path) =>
        NativeTool.Run(
            NativeTool.ExifTool, "-q", "-overwrite_original",
            "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
            "-Make=SecretCam", "-Model=Model X", "-Artist=Jane Doe", "-XMP-dc:Creator=Jane Doe", "-Comment=home address", path);

    /// <summary>Decodes WebP bytes back to RGB pixels with the vips command.</summary>
    public RgbImage DecodeWebP(byte[] webp)
    {
        var name = Guid.NewGuid().ToString("N");
        var source = PathOf(name + ".webp");
        var decoded = PathOf(name + ".ppm");
        File.WriteAllBytes(source, webp);
        NativeTool.Run(NativeTool.Vips, "copy", source, decoded);
        return RgbImage.ReadPpm(decoded);
    }

    private string Encode(string name, RgbImage image, string saveOptions)
    {
        var path = PathOf(name);
        NativeTool.Run(NativeTool.Vips, "copy", Ppm(image), path + saveOptions);
        return path;
    }

    private string Ppm(RgbImage image)
    {
        var path = PathOf(Guid.NewGuid().ToString("N") + ".ppm");
        image.WritePpm(path);
        return path;
    }
}
