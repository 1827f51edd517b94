using System.Text;
using Instagram.Silo.Media.Inspection;

namespace Media.Tests.Inspection;

public sealed class MediaSnifferTests
{
    [Theory]
    [InlineData("FFD8FFE000104A464946", MediaKind.Image, "image/jpeg")]
    [InlineData("89504E470D0A1A0A0000000D49484452", MediaKind.Image, "image/png")]
    [InlineData("474946383961", MediaKind.Image, "image/gif")]
    [InlineData("52494646AAAA000057454250565038", MediaKind.Image, "image/webp")]
    [InlineData("0000001C6674797068656963", MediaKind.Image, "image/heic")]
    [InlineData("000000186674797069736F6D", MediaKind.Video, "video/mp4")]
    [InlineData("00000014667479707174202000000000", MediaKind.Video, "video/quicktime")]
    public void Recognises_accepted_formats_by_their_magic_bytes(string hex, MediaKind kind, string contentType)
    {
        var sniffed = MediaSniffer.Sniff(Convert.FromHexString(hex));

        Assert.Equal(new SniffedFormat(kind, contentType), sniffed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FFD8")]
    [InlineData("25504446")] // %PDF
    [InlineData("504B0304")] // zip
    [InlineData("52494646AAAA000057415645")] // RIFF WAVE
    [InlineData("0000001C667479704D344120")] // M4A audio
    public void Refuses_everything_else(string hex) =>
        Assert.Null(MediaSniffer.Sniff(Convert.FromHexString(hex)));

    [Fact]
    public void Text_renamed_to_jpg_is_not_an_image()
    {
        using var directory = new TestDirectory();
        var path = Path.Combine(directory.Path, "holiday.jpg");
        File.WriteAllText(path, "just some text pretending to be a photo", Encoding.UTF8);

        Assert.Null(MediaSniffer.SniffFile(path));
    }

    [Fact]
    public void An_empty_file_is_not_an_image()
    {
        using var directory = new TestDirectory();
        var path = Path.Combine(directory.Path, "empty.png");
        File.WriteAllBytes(path, []);

        Assert.Null(MediaSniffer.SniffFile(path));
    }
}
