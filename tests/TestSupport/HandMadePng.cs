using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TestSupport;

/// <summary>
/// PNG files written byte by byte, for the cases tools will not make: a 16-bit image with exact sample values,
/// and a header that claims a gigantic image over a few bytes of data (a decompression bomb's calling card).
/// </summary>
public static class HandMadePng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Truecolour, 16 bits per sample; <paramref name="colourAt"/> gives 16-bit R, G, B.</summary>
    public static void WriteRgb16(string path, int width, int height, Func<int, int, (ushort R, ushort G, ushort B)> colourAt)
    {
        var raw = new MemoryStream();
        Span<byte> sample = stackalloc byte[6];
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colourAt(x, y);
                BinaryPrimitives.WriteUInt16BigEndian(sample, r);
                BinaryPrimitives.WriteUInt16BigEndian(sample[2..], g);
                BinaryPrimitives.WriteUInt16BigEndian(sample[4..], b);
                raw.Write(sample);
            }
        }

        Write(path, width, height, bitDepth: 16, Deflate(raw.ToArray()));
    }

    /// <summary>An 8-bit RGB PNG whose header claims <paramref name="width"/> × <paramref name="height"/> but whose data is one short row.</summary>
    public static void WriteClaimingSize(string path, int width, int height) =>
        Write(path, width, height, bitDepth: 8, Deflate(new byte[1 + 3 * 16]));

    private static void Write(string path, int width, int height, byte bitDepth, byte[] compressed)
    {
        using var file = File.Create(path);
        file.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = 2; // colour type: truecolour; compression, filter and interlace stay 0
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", compressed);
        WriteChunk(file, "IEND", []);
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        file.Write(number);
    }

    private static byte[] Deflate(byte[] raw)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>CRC-32 as PNG specifies it (ISO 3309, reflected, polynomial 0xEDB88320), bit by bit: fixtures are tiny.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
