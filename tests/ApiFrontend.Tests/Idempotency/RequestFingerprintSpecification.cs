using System.Text;
using Instagram.ApiFrontend.Idempotency;
using Xunit;

namespace ApiFrontend.Tests.Idempotency;

/// <summary>What counts as the same request: method, route, media type and body, whatever the multipart boundary and read sizes.</summary>
public sealed class RequestFingerprintSpecification
{
    private const string Route = "/api/v1/media/";

    [Fact]
    public void The_same_multipart_body_with_another_boundary_has_the_same_fingerprint()
    {
        var first = Fingerprint(Multipart("aaaa-1111", "the photo"), "aaaa-1111");
        var second = Fingerprint(Multipart("a-much-longer-boundary-2222", "the photo"), "a-much-longer-boundary-2222");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_file_has_another_fingerprint()
    {
        Assert.NotEqual(Fingerprint(Multipart("b", "the photo"), "b"), Fingerprint(Multipart("b", "the phot0"), "b"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void How_the_body_is_split_into_reads_does_not_matter(int readSize)
    {
        var body = Multipart("split-boundary", "a photo, long enough to be read in several pieces");

        Assert.Equal(Fingerprint(body, "split-boundary"), Fingerprint(body, "split-boundary", readSize));
    }

    [Fact]
    public void Method_route_and_media_type_are_part_of_the_fingerprint()
    {
        var body = Encoding.UTF8.GetBytes("{\"caption\":\"hi\"}");

        var json = Build("POST", Route, "application/json", body);
        Assert.NotEqual(json, Build("PUT", Route, "application/json", body));
        Assert.NotEqual(json, Build("POST", "/api/v1/posts", "application/json", body));
        Assert.NotEqual(json, Build("POST", Route, "text/plain", body));
        Assert.Equal(json, Build("POST", Route, "application/json; charset=utf-8", body));
    }

    [Fact]
    public void The_body_length_is_counted_in_full()
    {
        var body = Multipart("len", "x");
        using var builder = new RequestFingerprintBuilder("POST", Route, "multipart/form-data; boundary=len");
        builder.Append(body);

        Assert.Equal(body.Length, builder.Finish().BodyLength);
    }

    private static byte[] Multipart(string boundary, string file) => Encoding.ASCII.GetBytes(
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n{file}\r\n--{boundary}--\r\n");

    private static string Fingerprint(byte[] body, string boundary, int? readSize = null) =>
        Build("POST", Route, $"multipart/form-data; boundary=\"{boundary}\"", body, readSize);

    private static string Build(string method, string route, string contentType, byte[] body, int? readSize = null)
    {
        using var builder = new RequestFingerprintBuilder(method, route, contentType);
        foreach (var chunk in body.Chunk(readSize ?? Math.Max(1, body.Length)))
        {
            builder.Append(chunk);
        }

        return builder.Finish().Sha256;
    }
}
