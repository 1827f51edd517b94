using System.Text;

namespace Instagram.Silo.Media.Inspection;

/// <summary>Image or video: decides the pipeline, the size limit and the variants.</summary>
public enum MediaKind
{
    Image,
    Video,
}

/// <summary>A format recognised from a file's first bytes.</summary>
public sealed record SniffedFormat(MediaKind Kind, string ContentType);

/// <summary>
/// Recognises the formats we accept from their magic bytes, before any decoder sees the file: the name
/// and the declared content type of an upload are the client's word, the bytes are not. Needs the first
/// <see cref="HeaderLength"/> bytes (fewer if the file is shorter).
/// </summary>
public static class MediaSniffer
{
    /// <summary>Bytes to read from the start of a file for <see cref="Sniff"/>.</summary>
    public const int HeaderLength = 32;

    // ISO base media (ftyp) brands: HEIF still images, and MP4/QuickTime movies.
    private static readonly HashSet<string> HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif"];
    private static readonly HashSet<string> QuickTimeBrands = ["qt  "];
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP", "dash", "3gp4", "3gp5", "3gp6", "3g2a", "MSNV", "f4v "];

    /// <summary>The format of a file starting with <paramref name="header"/>, or null if it is none we accept.</summary>
    public static SniffedFormat? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new SniffedFormat(MediaKind.Image, "image/jpeg");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new SniffedFormat(MediaKind.Image, "image/png");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return new SniffedFormat(MediaKind.Image, "image/gif");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return new SniffedFormat(MediaKind.Image, "image/webp");
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(header[8..12]);
            if (HeifBrands.Contains(brand))
            {
                return new SniffedFormat(MediaKind.Image, brand == "avif" ? "image/avif" : "image/heic");
            }

            if (QuickTimeBrands.Contains(brand))
            {
                return new SniffedFormat(MediaKind.Video, "video/quicktime");
            }

            if (Mp4Brands.Contains(brand))
            {
                return new SniffedFormat(MediaKind.Video, "video/mp4");
            }
        }

        return null;
    }

    /// <summary>Reads the first bytes of <paramref name="path"/> and sniffs them.</summary>
    public static SniffedFormat? SniffFile(string path)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return Sniff(header[..read]);
    }
}
