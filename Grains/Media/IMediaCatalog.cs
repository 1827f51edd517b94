namespace Instagram.Grains.Media;

/// <summary>A media row as stored: the item, the processing attempts it has used, and the row's version.</summary>
public sealed record StoredMedia(MediaInfo Media, int Attempts, long Version);

/// <summary>
/// The media table, as the media grain needs it. A row whose status is processing is the processing job
/// itself, so the item and its job are one write. Each write carries the version the grain last saw and
/// fails with <see cref="Orleans.Storage.InconsistentStateException"/> if the row moved on (a second
/// activation wrote it).
/// </summary>
public interface IMediaCatalog
{
    Task<StoredMedia?> FindAsync(long mediaId, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the row (insert when <paramref name="expectedVersion"/> is 0). Returns the new version.</summary>
    Task<long> SaveAsync(MediaInfo media, int attempts, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the failed item and, in the same transaction, keeps its job in the dead letters with the last
    /// error, for operators. Returns the new version.
    /// </summary>
    Task<long> DeadLetterAsync(MediaInfo failed, int attempts, string error, long expectedVersion, CancellationToken cancellationToken);
}
