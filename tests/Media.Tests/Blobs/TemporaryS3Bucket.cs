using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

/// <summary>
/// A bucket of its own for one test on the test command's S3 server, emptied and deleted afterwards.
/// Not created here: creating it is the store's job (<see cref="S3BlobStore.EnsureBucketAsync"/>).
/// </summary>
internal sealed class TemporaryS3Bucket : IAsyncDisposable
{
    public S3BlobStoreOptions Options { get; } = new()
    {
        ServiceUrl = TestS3Server.Endpoint,
        Bucket = TestS3Server.NewBucketName(),
        AccessKey = TestS3Server.AccessKey,
        SecretKey = TestS3Server.SecretKey,
    };

    public S3BlobStore CreateStore() => new(Options, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(Options.AccessKey, Options.SecretKey),
            new AmazonS3Config { ServiceURL = Options.ServiceUrl, AuthenticationRegion = Options.Region, ForcePathStyle = true });
        try
        {
            var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Options.Bucket });
            foreach (var item in listing.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(Options.Bucket, item.Key);
            }

            await client.DeleteBucketAsync(Options.Bucket);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchBucket")
        {
            // The test never created it.
        }
    }
}
