using System.Net;
using System.Net.Http.Headers;
using System.Web;
using Amazon.S3;
using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

public sealed class S3BlobStoreTests : BlobStoreSpecification
{
    private static readonly HttpClient Http = new();

    private TemporaryS3Bucket? _bucket;
    private S3BlobStore? _store;

    public override async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        _bucket = new TemporaryS3Bucket();
        _store = _bucket.CreateStore();
        await _store.EnsureBucketAsync(CancellationToken.None);
        return _store;
    }

    [Fact]
    public async Task A_client_can_upload_with_a_presigned_url_and_the_blob_is_then_readable()
    {
        var bytes = BlobBytes.Random(100_000, seed: 20);
        var url = Store.CreateUploadUrl("uploads/direct.jpg", JpegType, DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.NotNull(url);
        using var response = await Http.PutAsync(url, Body(bytes, JpegType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JpegType, (await Store.GetPropertiesAsync("uploads/direct.jpg", CancellationToken.None))?.ContentType);
        Assert.Equal(bytes, await ReadAllAsync("uploads/direct.jpg"));
    }

    // S3 refuses an upload whose headers differ from the signed ones. s3rver does not check version 4
    // signatures at all, so what can be checked here is that the content type is among the signed headers.
    [Fact]
    public void A_presigned_url_signs_the_content_type()
    {
        var url = Store.CreateUploadUrl("uploads/typed.jpg", JpegType, DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.NotNull(url);
        var signedHeaders = HttpUtility.ParseQueryString(url.Query)["X-Amz-SignedHeaders"];
        Assert.Contains("content-type", signedHeaders?.Split(';') ?? []);
    }

    [Fact]
    public async Task An_expired_presigned_url_is_refused()
    {
        var url = Store.CreateUploadUrl("uploads/late.jpg", JpegType, DateTimeOffset.UtcNow.AddSeconds(2));

        // Signatures carry whole seconds: 2 s of lifetime are over after 3 s, whatever the rounding.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        using var response = await Http.PutAsync(url, Body([1, 2, 3], JpegType));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await Store.GetPropertiesAsync("uploads/late.jpg", CancellationToken.None));
    }

    [Fact]
    public void Upload_urls_expire_within_seven_days()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Throws<ArgumentOutOfRangeException>(() => Store.CreateUploadUrl("u/a.jpg", JpegType, now.AddMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.CreateUploadUrl("u/a.jpg", JpegType, now.AddDays(8)));
    }

    [Fact]
    public async Task The_bucket_is_created_when_missing()
    {
        await using var bucket = new TemporaryS3Bucket();
        using var store = bucket.CreateStore();
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            store.PutAsync("a.jpg", new MemoryStream([1]), JpegType, CancellationToken.None));
        Assert.Equal("NoSuchBucket", missing.ErrorCode);

        await store.EnsureBucketAsync(CancellationToken.None);
        await store.EnsureBucketAsync(CancellationToken.None);
        await store.PutAsync("a.jpg", new MemoryStream([1]), JpegType, CancellationToken.None);

        Assert.Equal(1, (await store.GetPropertiesAsync("a.jpg", CancellationToken.None))?.Length);
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
