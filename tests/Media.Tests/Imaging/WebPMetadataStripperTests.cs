using System.Buffers.Binary;
using System.Text;
using Instagram.Silo.Media.Imaging;

namespace Media.Tests.Imaging;

public sealed class WebPMetadataStripperTests
{
    [Fact]
    public void Removes_exif_xmp_and_icc_chunks_and_their_flags()
    {
        var webp = Container(("VP8X", [0x20 | 0x10 | 0x08 | 0x04, 0, 0, 0, 9, 0, 0, 9, 0, 0]), ("ICCP", [1, 2, 3]), ("ALPH", [7]), ("VP8 ", [1, 2, 3, 4]), ("EXIF", [5, 6]), ("XMP ", [8]));

        var stripped = WebPMetadataStripper.Strip(webp);

        Assert.Equal(["VP8X", "ALPH", "VP8 "], WebPFile.ChunkNames(stripped));
        Assert.Equal(0x10, stripped[20]); // only the alpha flag is left
        Assert.Equal(stripped.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(stripped.AsSpan(4)));
        Assert.Equal(webp.AsSpan(webp.Length - 20 - 12, 12).ToArray(), stripped.AsSpan(stripped.Length - 12).ToArray()); // VP8 chunk intact (EXIF and XMP took the last 20 bytes)
    }

    [Fact]
    public void Returns_a_clean_file_as_it_is()
    {
        var webp = Container(("VP8 ", [1, 2, 3, 4]));

        Assert.Same(webp, WebPMetadataStripper.Strip(webp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("RIFF0000WAVE")]
    public void Refuses_what_is_not_webp(string text) =>
        Assert.Throws<InvalidDataException>(() => WebPMetadataStripper.Strip(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Refuses_a_chunk_running_past_the_end()
    {
        var webp = Container(("VP8 ", [1, 2, 3, 4]));
        BinaryPrimitives.WriteInt32LittleEndian(webp.AsSpan(16), 1000);

        Assert.Throws<InvalidDataException>(() => WebPMetadataStripper.Strip(webp));
    }

    private static byte[] Container(params (string Name, byte[] Data)[] chunks)
    {
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        foreach (var (name, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(name));
            var size = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
            body.Write(size);
            body.Write(data);
            if (data.Length % 2 == 1)
            {
                body.WriteByte(0);
            }
        }

        var file = new MemoryStream();
        file.Write("RIFF"u8);
        var total = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(total, (int)body.Length);
        file.Write(total);
        file.Write(body.ToArray());
        return file.ToArray();
    }
}
