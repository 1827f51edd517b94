namespace Instagram.Grains.Media;

/// <summary>
/// The media table, as the media grain needs it. Each write carries the version the grain last saw and
/// fails with <see cref="InconsistentStateException"/> if the row moved on (a second activation wrote it).
/// </summary>
public interface IMediaCatalog
{
    /// <summary>The row and its version, or null.</summary>
    Task<(MediaInfo Media, long Version)?> FindAsync(long mediaId, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the row (insert when <paramref name="expectedVersion"/> is 0). Returns the new version.</summary>
    Task<long> SaveAsync(MediaInfo media, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Saves the row and, in the same transaction, queues <paramref name="job"/> on the media job stream.</summary>
    Task<long> SaveAndQueueAsync(MediaInfo media, long expectedVersion, MediaProcessingJob job, CancellationToken cancellationToken);
}
