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
/// store that does not answer, a worker crash, an attempt over its time limit) throws, and the media grain
/// retries; only a verdict on the media itself comes back as <see cref="MediaRejected"/>.
/// </summary>
public interface IMediaPipeline
{
    /// <summary>
    /// Waits for one of the silo's media workers (a few run at once, the rest wait here). An attempt is
    /// counted, and its time limit runs, only once it holds a worker: waiting costs a job nothing.
    /// </summary>
    Task<IMediaWorker> TakeWorkerAsync(CancellationToken cancellationToken);

    /// <summary>The job used its last attempt and goes to the dead letters (counted and logged here).</summary>
    void Abandoned(MediaProcessingJob job, int attempts, string error);

    /// <summary>Deletes the uploaded bytes once the content-addressed original is recorded. Best effort.</summary>
    Task DiscardUploadAsync(string uploadKey, CancellationToken cancellationToken);
}

/// <summary>One of the silo's media workers, held until disposed.</summary>
public interface IMediaWorker : IDisposable
{
    /// <summary>
    /// Processes the job on this worker. Throws <see cref="TimeoutException"/> past the attempt's time limit
    /// (the work is cancelled), and <see cref="MediaJobInterruptedException"/> when the silo is stopping.
    /// </summary>
    Task<MediaProcessingOutcome> ProcessAsync(MediaProcessingJob job);
}

/// <summary>The silo is shutting down and cancelled the attempt: not the job's fault, so it does not count.</summary>
public sealed class MediaJobInterruptedException(string message) : Exception(message);
