using Instagram.Silo.Media.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Media.Tests.Blobs;

public sealed class BlobStoreRegistrationTests
{
    [Fact]
    public void By_default_blobs_live_in_the_data_directorys_media_folder()
    {
        using var data = new TestDirectory("blobs");
        using var host = Build(data.Path, []);

        var store = Assert.IsType<LocalDiskBlobStore>(host.Services.GetRequiredService<IBlobStore>());

        Assert.Equal(Path.Combine(data.Path, "media"), store.RootDirectory);
        Assert.True(Directory.Exists(store.RootDirectory));
    }

    [Fact]
    public void The_local_directory_can_be_anywhere()
    {
        using var data = new TestDirectory("blobs");
        var elsewhere = Path.Combine(data.Path, "elsewhere", "blobs");
        using var host = Build(data.Path, new() { ["Media:Blobs:Provider"] = "LOCAL", ["Media:Blobs:LocalDirectory"] = elsewhere });

        Assert.Equal(elsewhere, Assert.IsType<LocalDiskBlobStore>(host.Services.GetRequiredService<IBlobStore>()).RootDirectory);
    }

    [Fact]
    public void An_unknown_provider_stops_the_host_with_the_choices()
    {
        using var data = new TestDirectory("blobs");

        var refused = Assert.Throws<OptionsValidationException>(() => Build(data.Path, new() { ["Media:Blobs:Provider"] = "ftp" }));

        Assert.Contains("Media:Blobs:Provider 'ftp' is unknown: use 'local' or 's3'.", refused.Failures);
    }

    [Fact]
    public void S3_without_a_bucket_or_with_half_the_credentials_stops_the_host()
    {
        using var data = new TestDirectory("blobs");

        var refused = Assert.Throws<OptionsValidationException>(() => Build(data.Path, new()
        {
            ["Media:Blobs:Provider"] = "s3",
            ["Media:Blobs:S3:ServiceUrl"] = "ftp://example",
            ["Media:Blobs:S3:AccessKey"] = "key",
        }));

        Assert.Equal(3, refused.Failures.Count());
        Assert.Contains(refused.Failures, failure => failure.StartsWith("Media:Blobs:S3:ServiceUrl 'ftp://example'", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, failure => failure.StartsWith("Media:Blobs:S3:Bucket ''", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, failure => failure.StartsWith("Media:Blobs:S3:AccessKey and Media:Blobs:S3:SecretKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_s3_store_creates_its_bucket_when_the_host_starts()
    {
        using var data = new TestDirectory("blobs");
        await using var bucket = new TemporaryS3Bucket();
        using var host = Build(data.Path, new()
        {
            ["Media:Blobs:Provider"] = "s3",
            ["Media:Blobs:S3:ServiceUrl"] = bucket.Options.ServiceUrl,
            ["Media:Blobs:S3:Bucket"] = bucket.Options.Bucket,
            ["Media:Blobs:S3:AccessKey"] = bucket.Options.AccessKey,
            ["Media:Blobs:S3:SecretKey"] = bucket.Options.SecretKey,
        });

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IBlobStore>();
        await store.PutAsync("a/b.jpg", new MemoryStream([1, 2]), "image/jpeg", CancellationToken.None);
        await host.StopAsync();

        Assert.IsType<S3BlobStore>(store);
        Assert.Equal(2, (await store.GetPropertiesAsync("a/b.jpg", CancellationToken.None))?.Length);
    }

    private static IHost Build(string dataDirectory, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBlobStore(builder.Configuration, dataDirectory);
        return builder.Build();
    }
}
