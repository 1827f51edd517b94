using Runtime.Streams;

namespace Instagram.Grains.Media;

/// <summary>
/// One photo or video. Holds its row in memory, is the row's only writer, and drives processing: a job is
/// queued in the same transaction that marks the item processing, arrives here through the media job
/// stream (at least once, retried with backoff by the stream provider), and its outcome is recorded.
/// </summary>
[ImplicitStreamSubscription(MediaJobStream.Namespace)]
public sealed class MediaGrain(IMediaCatalog catalog, IMediaPipeline pipeline) : Grain, IMediaGrain, IAsyncObserver<MediaProcessingJob>
{
    private MediaInfo? _media;
    private long _version;

    private long MediaId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(MediaId, cancellationToken) is var (media, version))
        {
            (_media, _version) = (media, version);
        }
    }

    public async Task<MediaResult> ExpectUploadAsync(MediaUpload upload)
    {
        if (_media is not null)
        {
            return _media.OwnerId == upload.OwnerId ? MediaResult.Granted(_media) : MediaResult.NotFound;
        }

        var now = TimeProvider.GetUtcNow();
        await SaveAsync(NewMedia(upload, MediaStatus.AwaitingUpload, now));
        return MediaResult.Granted(_media!);
    }

    public async Task<MediaResult> SubmitAsync(MediaUpload upload)
    {
        var now = TimeProvider.GetUtcNow();
        MediaInfo processing;
        switch (_media)
        {
            case null:
                processing = NewMedia(upload, MediaStatus.Processing, now);
                break;
            case { } media when media.OwnerId != upload.OwnerId:
                return MediaResult.NotFound;
            case { Status: MediaStatus.AwaitingUpload } media when media.UploadKey == upload.UploadKey:
                // The direct upload landed: what was sniffed from the stored bytes replaces what the client declared.
                processing = media with { Status = MediaStatus.Processing, Type = upload.Type, ContentType = upload.ContentType, SizeBytes = upload.SizeBytes, UpdatedAt = now };
                break;
            case { Status: MediaStatus.AwaitingUpload } media:
                return MediaResult.Conflict(media);
            case { } media:
                return MediaResult.Granted(media); // already submitted: a retried request
        }

        var job = new MediaProcessingJob(MediaId, processing.Type, processing.ContentType, processing.UploadKey);
        _version = await WritingAsync(() => catalog.SaveAndQueueAsync(processing, _version, job, CancellationToken.None));
        _media = processing;
        return MediaResult.Granted(processing);
    }

    public Task<MediaResult> GetAsync(long requesterId) =>
        Task.FromResult(_media is { } media && media.OwnerId == requesterId ? MediaResult.Granted(media) : MediaResult.NotFound);

    public async Task FailAsync(string reason)
    {
        if (_media is { Status: MediaStatus.Processing } media)
        {
            await SaveAsync(media with { Status = MediaStatus.Failed, Failure = reason, UpdatedAt = TimeProvider.GetUtcNow() });
        }
    }

    /// <summary>
    /// A processing job. Delivered at least once: a job for an item that is no longer processing (done,
    /// failed, or a duplicate delivery after a crash) is acknowledged without work. Transient failures
    /// propagate, so the stream retries the job and, after its last attempt, dead-letters it.
    /// </summary>
    public async Task OnNextAsync(MediaProcessingJob job, StreamSequenceToken token)
    {
        if (_media is not { Status: MediaStatus.Processing } media)
        {
            return;
        }

        var outcome = await pipeline.ProcessAsync(job, CancellationToken.None);
        var now = TimeProvider.GetUtcNow();
        var settled = outcome switch
        {
            MediaProcessed processed => media with
            {
                Status = MediaStatus.Ready,
                OriginalKey = processed.OriginalKey,
                Width = processed.Width,
                Height = processed.Height,
                DurationSeconds = processed.DurationSeconds,
                Blurhash = processed.Blurhash,
                Variants = processed.Variants,
                UpdatedAt = now,
            },
            MediaRejected rejected => media with { Status = MediaStatus.Failed, Failure = rejected.Reason, UpdatedAt = now },
            _ => throw new InvalidOperationException($"Unknown processing outcome {outcome.GetType().Name}."),
        };

        await SaveAsync(settled);
        if (settled.Status == MediaStatus.Ready)
        {
            await pipeline.DiscardUploadAsync(media.UploadKey, CancellationToken.None);
        }
    }

    private MediaInfo NewMedia(MediaUpload upload, MediaStatus status, DateTimeOffset now) =>
        new(MediaId, upload.OwnerId, upload.Type, status, upload.ContentType, upload.SizeBytes, upload.UploadKey,
            OriginalKey: null, Width: null, Height: null, DurationSeconds: null, Blurhash: null, Variants: [], Failure: null, now, now);

    private async Task SaveAsync(MediaInfo media)
    {
        _version = await WritingAsync(() => catalog.SaveAsync(media, _version, CancellationToken.None));
        _media = media;
    }

    /// <summary>
    /// A write that failed may still have committed (a connection lost at commit), leaving this activation's
    /// version behind the row's. Rather than fail every later write, start afresh: the next call reactivates
    /// the grain from the row as it really is.
    /// </summary>
    private async Task<long> WritingAsync(Func<Task<long>> write)
    {
        try
        {
            return await write();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
