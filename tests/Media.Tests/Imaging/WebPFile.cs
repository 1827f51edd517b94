using System.Buffers.Binary;
using System.Text;

namespace Media.Tests.Imaging;

/// <summary>Reads a WebP's RIFF container: the chunk names say whether EXIF, XMP or ICC data came along.</summary>
internal static class WebPFile
{
    public static bool HasMagic(byte[] bytes) =>
        bytes.Length >= 12 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP";

    public static IReadOnlyList<string> ChunkNames(byte[] bytes)
    {
        var names = new List<string>();
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            names.Add(Encoding.ASCII.GetString(bytes, position, 4));
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            position += 8 + size + (size & 1); // chunks are padded to even sizes
        }

        return names;
    }
}
