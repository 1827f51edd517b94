using System.Buffers.Binary;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// Removes the EXIF, XMP and ICC chunks from a WebP file's RIFF container and clears their flags in the VP8X
/// header. libvips's <c>strip</c> save option should make this unnecessary, but libvips 8.14.1 (Debian 12)
/// ignores it for WebP and always writes an EXIF chunk, rebuilt from the source's tags, GPS included. Doing it
/// on the bytes we serve makes stripping independent of the libvips version. Pure: bytes in, bytes out.
/// </summary>
public static class WebPMetadataStripper
{
    // VP8X feature flags (WebP container specification): ICC profile, EXIF, XMP.
    private const byte IccFlag = 0x20;
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;
    private const int HeaderLength = 12; // "RIFF", size, "WEBP"

    private static readonly string[] MetadataChunks = ["EXIF", "XMP ", "ICCP"];

    /// <summary>The same image without metadata chunks; the input itself when it has none.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed WebP container.</exception>
    public static byte[] Strip(byte[] webp)
    {
        ArgumentNullException.ThrowIfNull(webp);
        if (webp.Length < HeaderLength || !HasFourCc(webp, 0, "RIFF") || !HasFourCc(webp, 8, "WEBP"))
        {
            throw new InvalidDataException("Not a WebP (RIFF/WEBP) file.");
        }

        var kept = new List<(int Offset, int Length)>();
        var removedAny = false;
        for (var position = HeaderLength; position < webp.Length;)
        {
            if (position + 8 > webp.Length)
            {
                throw new InvalidDataException("A WebP chunk header runs past the end of the file.");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(position + 4));
            var length = 8L + size + (size & 1); // chunk payloads are padded to an even length
            if (position + length > webp.Length)
            {
                throw new InvalidDataException("A WebP chunk runs past the end of the file.");
            }

            if (MetadataChunks.Any(name => HasFourCc(webp, position, name)))
            {
                removedAny = true;
            }
            else
            {
                kept.Add((position, (int)length));
            }

            position += (int)length;
        }

        return removedAny ? Rebuild(webp, kept) : webp;
    }

    private static byte[] Rebuild(byte[] webp, List<(int Offset, int Length)> chunks)
    {
        var output = new byte[HeaderLength + chunks.Sum(chunk => chunk.Length)];
        webp.AsSpan(0, HeaderLength).CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4), (uint)(output.Length - 8));

        var position = HeaderLength;
        foreach (var (offset, length) in chunks)
        {
            webp.AsSpan(offset, length).CopyTo(output.AsSpan(position));
            if (HasFourCc(output, position, "VP8X"))
            {
                // The flags byte opens the VP8X payload; decoders trust it to announce chunks that now are gone.
                output[position + 8] &= unchecked((byte)~(IccFlag | ExifFlag | XmpFlag));
            }

            position += length;
        }

        return output;
    }

    private static bool HasFourCc(byte[] bytes, int offset, string fourCc) =>
        bytes[offset] == fourCc[0] && bytes[offset + 1] == fourCc[1] && bytes[offset + 2] == fourCc[2] && bytes[offset + 3] == fourCc[3];
}
