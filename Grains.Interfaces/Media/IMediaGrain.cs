namespace Instagram.Grains.Media;

/// <summary>Answer to a request about a media item: the item, or why the requester may not have it.</summary>
[GenerateSerializer, Alias("ig.MediaAccess")]
public enum MediaAccess
{
    Granted,

    /// <summary>No such item, or not the requester's (the two are indistinguishable to the requester).</summary>
    NotFound,

    /// <summary>The request does not fit the item's state (completing an upload that was never issued, say).</summary>
    Conflict,
}

/// <summary>The outcome of a media request.</summary>
[GenerateSerializer, Immutable, Alias("ig.MediaResult")]
public sealed record MediaResult(MediaAccess Access, MediaInfo? Media)
{
    public static MediaResult NotFound { get; } = new(MediaAccess.NotFound, null);

    public static MediaResult Granted(MediaInfo media) => new(MediaAccess.Granted, media);

    public static MediaResult Conflict(MediaInfo media) => new(MediaAccess.Conflict, media);
}

/// <summary>
/// One uploaded photo or video, keyed by media ID: its state, and the processing of its variants. The
/// grain is the only writer of its row and drives the processing, which survives crashes (the row is the job).
/// </summary>
[Alias("ig.IMediaGrain")]
public interface IMediaGrain : IGrainWithIntegerKey
{
    /// <summary>Records an upload URL issued to <see cref="MediaUpload.OwnerId"/>. Repeating it is a no-op.</summary>
    [Alias("ExpectUpload")]
    Task<MediaResult> ExpectUploadAsync(MediaUpload upload);

    /// <summary>
    /// The bytes are durably stored: record the item as processing (which is its processing job) and start
    /// processing it in the background. For a direct upload, the requester must be the one the URL was issued to. Repeating
    /// it (a client retrying "complete") returns the item as it is.
    /// </summary>
    [Alias("Submit")]
    Task<MediaResult> SubmitAsync(MediaUpload upload);

    /// <summary>
    /// The item, if <paramref name="requesterId"/> owns it. Interleaves with everything, so status polls
    /// answer at once while a processing job keeps the grain's turn for minutes; it only reads the
    /// current (immutable) snapshot.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Get")]
    Task<MediaResult> GetAsync(long requesterId);
}
