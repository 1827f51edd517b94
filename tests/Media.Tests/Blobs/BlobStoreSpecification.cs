using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

/// <summary>
/// What every blob store does, whatever keeps the bytes. Each subclass runs all of it against one store
/// of its kind, created fresh (own directory or bucket) for every test.
/// </summary>
public abstract class BlobStoreSpecification : IAsyncLifetime
{
    protected const string JpegType = "image/jpeg";

    protected IBlobStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IBlobStore> CreateStoreAsync();

    [Fact]
    public async Task Stored_bytes_read_back_identically()
    {
        var bytes = BlobBytes.Random(1 << 20, seed: 1);

        await Store.PutAsync("photos/ab/original.jpg", new MemoryStream(bytes), JpegType, CancellationToken.None);

        Assert.Equal(bytes, await ReadAllAsync("photos/ab/original.jpg"));
    }

    [Fact]
    public async Task Properties_give_length_content_type_and_a_quoted_etag()
    {
        await Store.PutAsync("p/thumb.webp", new MemoryStream(BlobBytes.Random(1234, seed: 2)), "image/webp", CancellationToken.None);

        var properties = await Store.GetPropertiesAsync("p/thumb.webp", CancellationToken.None);

        Assert.NotNull(properties);
        Assert.Equal(1234, properties.Length);
        Assert.Equal("image/webp", properties.ContentType);
        Assert.Matches("^\"[^\"]+\"$", properties.ETag);
    }

    [Fact]
    public async Task An_absent_key_has_no_properties_and_no_stream()
    {
        Assert.Null(await Store.GetPropertiesAsync("nothing/here.jpg", CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync("nothing/here.jpg", CancellationToken.None));
    }

    [Fact]
    public async Task Seeking_reads_any_range_without_the_bytes_before_it()
    {
        var bytes = BlobBytes.Random(1 << 20, seed: 3);
        await Store.PutAsync("videos/clip.mp4", new MemoryStream(bytes), "video/mp4", CancellationToken.None);

        await using var stream = await Store.OpenReadAsync("videos/clip.mp4", CancellationToken.None);

        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(bytes.Length, stream.Length);
        Assert.Equal(bytes[500_000..500_100], await ReadAtAsync(stream, 500_000, 100));
        // Backwards, then on from where that read stopped, then the tail.
        Assert.Equal(bytes[10..60], await ReadAtAsync(stream, 10, 50));
        Assert.Equal(bytes[60..70], await ReadAtAsync(stream, stream.Position, 10));
        Assert.Equal(bytes[^10..], await ReadAtAsync(stream, bytes.Length - 10, 10));
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task Putting_the_same_bytes_again_is_harmless()
    {
        var bytes = BlobBytes.Random(50_000, seed: 4);
        await Store.PutAsync("a/same.jpg", new MemoryStream(bytes), JpegType, CancellationToken.None);

        await Store.PutAsync("a/same.jpg", new MemoryStream(bytes), JpegType, CancellationToken.None);

        Assert.Equal(bytes, await ReadAllAsync("a/same.jpg"));
        Assert.Equal(JpegType, (await Store.GetPropertiesAsync("a/same.jpg", CancellationToken.None))?.ContentType);
    }

    [Fact]
    public async Task Concurrent_puts_of_one_key_leave_the_blob_whole()
    {
        var bytes = BlobBytes.Random(300_000, seed: 5);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.PutAsync("race/one.jpg", new MemoryStream(bytes), JpegType, CancellationToken.None))));

        Assert.Equal(bytes, await ReadAllAsync("race/one.jpg"));
    }

    [Fact]
    public async Task An_upload_body_that_can_be_read_only_once_is_stored_whole()
    {
        var bytes = BlobBytes.Random(200_000, seed: 6);

        await Store.PutAsync("uploads/once.jpg", new ReadOnceStream(bytes), JpegType, CancellationToken.None);

        Assert.Equal(bytes, await ReadAllAsync("uploads/once.jpg"));
    }

    [Fact]
    public async Task A_put_stores_the_stream_from_its_current_position()
    {
        var bytes = BlobBytes.Random(10_000, seed: 8);
        var content = new MemoryStream(bytes) { Position = 1000 };

        await Store.PutAsync("p/tail.jpg", content, JpegType, CancellationToken.None);

        Assert.Equal(bytes[1000..], await ReadAllAsync("p/tail.jpg"));
    }

    [Fact]
    public async Task A_deleted_blob_is_gone()
    {
        await Store.PutAsync("d/gone.jpg", new MemoryStream(BlobBytes.Random(100, seed: 7)), JpegType, CancellationToken.None);

        await Store.DeleteAsync("d/gone.jpg", CancellationToken.None);

        Assert.Null(await Store.GetPropertiesAsync("d/gone.jpg", CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync("d/gone.jpg", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_absent_blob_is_fine() =>
        await Store.DeleteAsync("never/was.jpg", CancellationToken.None);

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("")]
    [InlineData("a/./b")]
    [InlineData(".hidden")]
    [InlineData("Upper.jpg")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    public async Task Invalid_keys_are_refused_by_every_operation(string key)
    {
        var none = CancellationToken.None;
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1, 2, 3]), JpegType, none));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetPropertiesAsync(key, none));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, none));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, none));
        Assert.Throws<ArgumentException>(() => Store.CreateUploadUrl(key, JpegType, DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task A_content_type_that_could_split_a_header_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.PutAsync("x/y.jpg", new MemoryStream([1]), "image/jpeg\r\nX-Evil: 1", CancellationToken.None));

    protected async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, CancellationToken.None)
            ?? throw new InvalidOperationException($"No blob '{key}'.");
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadAtAsync(Stream stream, long offset, int count)
    {
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
