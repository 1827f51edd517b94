using System.Collections.Immutable;

namespace Instagram.Grains.Media;

/// <summary>What processing made of a media item.</summary>
public abstract record MediaProcessingOutcome;

/// <summary>Variants are stored under content-addressed keys; the same original always yields the same keys.</summary>
public sealed record MediaProcessed(
    string OriginalKey,
    int Width,
    int Height,
    double? DurationSeconds,
    string Blurhash,
    ImmutableArray<MediaVariant> Variants) : MediaProcessingOutcome;

/// <summary>The media itself is unacceptable (damaged, not what it claims, over a limit): retrying cannot help.</summary>
public sealed record MediaRejected(string Reason) : MediaProcessingOutcome;

/// <summary>
/// Turns an uploaded original into served variants (the silo's media workers). Transient trouble (a blob
/// store that does not answer, a worker crash) throws, and the media grain retries; only a verdict on the
/// media itself comes back as <see cref="MediaRejected"/>.
/// </summary>
public interface IMediaPipeline
{
    Task<MediaProcessingOutcome> ProcessAsync(MediaProcessingJob job, CancellationToken cancellationToken);

    /// <summary>The job used its last attempt and goes to the dead letters (counted and logged here).</summary>
    void Abandoned(MediaProcessingJob job, int attempts, string error);

    /// <summary>Deletes the uploaded bytes once the content-addressed original is recorded. Best effort.</summary>
    Task DiscardUploadAsync(string uploadKey, CancellationToken cancellationToken);
}
