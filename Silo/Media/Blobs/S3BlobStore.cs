using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Blobs as objects in one S3 bucket (cluster mode): every silo and frontend sees the same blobs, and
/// clients upload straight to S3 with presigned URLs. A put is durable once S3 acknowledges it.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The longest a presigned URL may live (signature version 4 allows no more).</summary>
    public static readonly TimeSpan MaxUploadUrlLifetime = TimeSpan.FromDays(7);

    private readonly AmazonS3Client _client;
    private readonly TimeProvider _clock;
    private readonly Protocol _urlProtocol;
    private int _disposed;

    public S3BlobStore(S3BlobStoreOptions options, TimeProvider clock)
    {
        var problems = options.FindProblems(string.Empty).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid S3 options: " + string.Join(" ", problems), nameof(options));
        }

        Bucket = options.Bucket;
        _clock = clock;
        _client = CreateClient(options);
        // The SDK signs presigned URLs for https unless told otherwise, which an http endpoint refuses.
        _urlProtocol = options.ServiceUrl is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? Protocol.HTTP
            : Protocol.HTTPS;
    }

    public string Name => "s3";

    public string Bucket { get; }

    /// <summary>Creates the bucket unless it exists. Called once at start-up; safe to repeat and to race.</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, cancellationToken);
            return;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
        }

        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Another node created it between our two calls.
        }
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        BlobContentType.Validate(contentType);

        // The SDK must know the length up front (and may read twice to sign), so an upload body that can
        // only be read once is first spooled to a temporary file.
        await using var spooled = content.CanSeek ? null : await SpoolAsync(content, cancellationToken);
        await _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                InputStream = spooled ?? content,
                ContentType = contentType,
                // aws-chunked bodies are stored verbatim by some S3-compatible servers (s3rver among them).
                UseChunkEncoding = false,
                // From the stream's current position, and the caller's stream stays the caller's.
                AutoResetStreamPosition = false,
                AutoCloseStream = false,
            },
            cancellationToken);
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        var metadata = await GetMetadataAsync(key, cancellationToken);
        return metadata is null
            ? null
            : new BlobProperties(
                metadata.Headers.ContentLength,
                // Objects put without a type (by hand) get S3's own default.
                metadata.Headers.ContentType ?? "binary/octet-stream",
                metadata.ETag);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        var metadata = await GetMetadataAsync(key, cancellationToken);
        return metadata is null
            ? null
            : new S3RangeReadStream(_client, Bucket, key, metadata.Headers.ContentLength, metadata.ETag);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
    }

    /// <summary>
    /// A presigned PUT URL. The content type is part of the signature: the client must send exactly
    /// this <c>Content-Type</c> header, or S3 refuses the upload.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresAt"/> is not within the next 7 days.</exception>
    public Uri? CreateUploadUrl(string key, string contentType, DateTimeOffset expiresAt)
    {
        BlobKey.Validate(key);
        BlobContentType.Validate(contentType);
        var now = _clock.GetUtcNow();
        if (expiresAt <= now || expiresAt > now + MaxUploadUrlLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "An upload URL must expire within the next 7 days.");
        }

        var url = _client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            ContentType = contentType,
            Expires = expiresAt.UtcDateTime,
            Protocol = _urlProtocol,
        });
        return new Uri(url);
    }

    // Idempotent: the container disposes it once per registration it is resolved through.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
        }
    }

    private async Task<GetObjectMetadataResponse?> GetMetadataAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<FileStream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.ReadWrite,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
        });
        try
        {
            await content.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static AmazonS3Client CreateClient(S3BlobStoreOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
