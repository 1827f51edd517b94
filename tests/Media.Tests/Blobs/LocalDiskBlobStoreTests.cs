using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

public sealed class LocalDiskBlobStoreTests : BlobStoreSpecification
{
    // The store's root is one level down, so that anything written beside it would show.
    private readonly TestDirectory _directory = new("blobs");

    private string Root => Path.Combine(_directory.Path, "root");

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new LocalDiskBlobStore(Root));

    [Fact]
    public async Task Nothing_is_ever_written_outside_the_root()
    {
        foreach (var key in new[] { "../escape", "a/../../escape", "/tmp/escape", "..", "root/../../escape" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() =>
                Store.PutAsync(key, new MemoryStream([1]), JpegType, CancellationToken.None));
        }

        await Store.PutAsync("inside/ok.jpg", new MemoryStream([1]), JpegType, CancellationToken.None);

        Assert.Equal(["root"], Directory.GetFileSystemEntries(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_put_leaves_the_blob_and_its_content_type_and_no_temporary_files()
    {
        await Store.PutAsync("p/q/photo.jpg", new MemoryStream(BlobBytes.Random(1000, seed: 10)), JpegType, CancellationToken.None);

        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["p/q/.photo.jpg.content-type", "p/q/photo.jpg"], files);
    }

    [Fact]
    public async Task Reads_are_file_streams()
    {
        await Store.PutAsync("f.jpg", new MemoryStream([1, 2, 3]), JpegType, CancellationToken.None);

        await using var stream = await Store.OpenReadAsync("f.jpg", CancellationToken.None);

        Assert.IsType<FileStream>(stream);
    }

    [Fact]
    public async Task A_key_that_is_a_directory_of_other_keys_is_not_a_blob()
    {
        await Store.PutAsync("dir/inner.jpg", new MemoryStream([1]), JpegType, CancellationToken.None);

        Assert.Null(await Store.GetPropertiesAsync("dir", CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync("dir", CancellationToken.None));
    }

    [Fact]
    public void There_are_no_upload_urls() =>
        Assert.Null(Store.CreateUploadUrl("uploads/a.jpg", JpegType, DateTimeOffset.UtcNow.AddMinutes(5)));
}
