namespace Instagram.Silo.Media.Blobs;

/// <summary>What a store knows about one blob.</summary>
/// <param name="Length">Size in bytes.</param>
/// <param name="ContentType">The media type given when it was stored.</param>
/// <param name="ETag">A strong validator for HTTP caching; changes if the bytes could have changed (they never do: keys are immutable).</param>
public sealed record BlobProperties(long Length, string ContentType, string ETag);

/// <summary>
/// Where media bytes live: local disk in embedded mode, S3 in cluster mode. Keys are immutable — a key
/// is written once with one content (content-addressed where the content is known), so a blob can be
/// cached forever and a repeated write of the same key is a harmless no-op in effect.
/// </summary>
public interface IBlobStore
{
    /// <summary>"local" or "s3", for logs and health reports.</summary>
    string Name { get; }

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>. Completes only once the bytes are durable.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The blob's properties, or null if there is no such blob.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the blob for reading, or null if there is none. The stream is seekable and knows its length,
    /// so HTTP range requests can be answered from it without reading what precedes the range.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the blob if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A URL a client can PUT exactly this blob's bytes to until <paramref name="expiresAt"/>, or null when
    /// the store cannot issue one itself (local disk: the frontend then signs its own upload URLs).
    /// </summary>
    Uri? CreateUploadUrl(string key, string contentType, DateTimeOffset expiresAt);
}
