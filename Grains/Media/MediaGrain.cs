using Instagram.Grains.DurableWork;

namespace Instagram.Grains.Media;

/// <summary>
/// One photo or video. Holds its row in memory, is the row's only writer, and drives processing. The row
/// marked processing is the job: it is one write, so an item is never processing without a job nor a job
/// without its item. Each attempt is counted in the row once it holds one of the silo's workers and before
/// it runs; a failed one is retried after 2 s and 4 s (<see cref="MediaJobSettings"/>), and the last failure
/// dead-letters the job and fails the item; an attempt cut short by a stopping silo is handed back uncounted.
/// A reminder, registered before the row is written and cleared once the item settles, brings the grain
/// back to finish after a crash; activation resumes the work too. At least once: a resumed job writes the
/// same content-addressed keys, and an item that is no longer processing is never processed again.
/// </summary>
/// <remarks>
/// An attempt runs as an interleaving timer turn: it waits for a worker and for the work (minutes for a
/// video) without holding up the grain's calls. Only it writes the row while the item is processing, and
/// the calls that may run meanwhile only read, or act on items not yet processing.
/// </remarks>
[GrainType("media")]
public sealed class MediaGrain(
    IMediaCatalog catalog,
    IMediaPipeline pipeline,
    MediaJobSettings settings,
    PendingWorkReminder reminder,
    TimeProvider clock) : Grain, IMediaGrain, IRemindable
{
    private const string ProcessingReminder = "processing";

    private StoredMedia? _stored;
    private IGrainTimer? _nextAttempt;
    private bool _attempting;

    private long MediaId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = await catalog.FindAsync(MediaId, cancellationToken);
        if (_stored is { Media.Status: MediaStatus.Processing })
        {
            ScheduleAttempt(TimeSpan.Zero); // resumed after a crash, or a retry whose activation was collected
        }
    }

    public async Task<MediaResult> ExpectUploadAsync(MediaUpload upload)
    {
        if (_stored is { Media: var media })
        {
            return media.OwnerId == upload.OwnerId ? MediaResult.Granted(media) : MediaResult.NotFound;
        }

        await SaveAsync(NewMedia(upload, MediaStatus.AwaitingUpload, clock.GetUtcNow()), attempts: 0);
        return MediaResult.Granted(_stored!.Media);
    }

    public async Task<MediaResult> SubmitAsync(MediaUpload upload)
    {
        var now = clock.GetUtcNow();
        MediaInfo processing;
        switch (_stored?.Media)
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

        // Armed before the row exists: a crash right after the row's write still finds the reminder.
        await reminder.EnsureAsync(this, ProcessingReminder);
        await SaveAsync(processing, attempts: 0);
        ScheduleAttempt(TimeSpan.Zero);
        return MediaResult.Granted(processing);
    }

    public Task<MediaResult> GetAsync(long requesterId) =>
        Task.FromResult(_stored?.Media is { } media && media.OwnerId == requesterId ? MediaResult.Granted(media) : MediaResult.NotFound);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_stored is not { Media.Status: MediaStatus.Processing })
        {
            await reminder.ClearAsync(this, ProcessingReminder);
        }
        else if (_nextAttempt is null && !_attempting)
        {
            ScheduleAttempt(TimeSpan.Zero);
        }
    }

    /// <summary>Runs the next attempt as a turn of its own after <paramref name="delay"/> (keeping the grain active meanwhile).</summary>
    private void ScheduleAttempt(TimeSpan delay)
    {
        _nextAttempt?.Dispose();
        _nextAttempt = this.RegisterGrainTimer(AttemptAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
    }

    private async Task AttemptAsync(CancellationToken cancellationToken)
    {
        _nextAttempt?.Dispose();
        _nextAttempt = null;
        if (_stored is not { Media.Status: MediaStatus.Processing } stored)
        {
            await reminder.ClearAsync(this, ProcessingReminder);
            return;
        }

        var job = MediaProcessingJob.For(stored.Media);
        if (stored.Attempts >= settings.MaxAttempts)
        {
            // The last attempt held a worker and never reported back: its silo died during it (perhaps because of it).
            await AbandonAsync(job, stored.Attempts, "the last attempt never finished: its silo died during it");
            return;
        }

        _attempting = true;
        try
        {
            await AttemptOnWorkerAsync(job);
        }
        finally
        {
            _attempting = false;
        }
    }

    private async Task AttemptOnWorkerAsync(MediaProcessingJob job)
    {
        using var worker = await pipeline.TakeWorkerAsync(CancellationToken.None);

        // Counted before it runs: an item that crashes its silo every time still reaches its last attempt.
        var attempt = _stored!.Attempts + 1;
        await SaveAsync(_stored.Media, attempt);
        MediaProcessingOutcome outcome;
        try
        {
            outcome = await worker.ProcessAsync(job);
        }
        catch (MediaJobInterruptedException)
        {
            await SaveAsync(_stored.Media, attempt - 1); // handed back; the next start resumes it
            return;
        }
        catch (Exception) when (attempt < settings.MaxAttempts)
        {
            ScheduleAttempt(settings.DelayAfter(attempt)); // the pipeline logged why
            return;
        }
        catch (Exception exception)
        {
            await AbandonAsync(job, attempt, exception.Message);
            return;
        }

        var media = _stored.Media;
        var now = clock.GetUtcNow();
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

        await SaveAsync(settled, attempt);
        if (settled.Status == MediaStatus.Ready)
        {
            // Before the reminder goes: a crash in between leaves the reminder, whose tick finds nothing left to do.
            await pipeline.DiscardUploadAsync(media.UploadKey, CancellationToken.None);
        }

        await reminder.ClearAsync(this, ProcessingReminder);
    }

    private async Task AbandonAsync(MediaProcessingJob job, int attempts, string error)
    {
        var stored = _stored!;
        var failed = stored.Media with { Status = MediaStatus.Failed, Failure = $"Processing failed {attempts} times and was given up.", UpdatedAt = clock.GetUtcNow() };
        var version = await this.DeactivateOnFailureAsync(() => catalog.DeadLetterAsync(failed, attempts, error, stored.Version, CancellationToken.None));
        _stored = new StoredMedia(failed, attempts, version);
        pipeline.Abandoned(job, attempts, error);
        await reminder.ClearAsync(this, ProcessingReminder);
    }

    private MediaInfo NewMedia(MediaUpload upload, MediaStatus status, DateTimeOffset now) =>
        new(MediaId, upload.OwnerId, upload.Type, status, upload.ContentType, upload.SizeBytes, upload.UploadKey,
            OriginalKey: null, Width: null, Height: null, DurationSeconds: null, Blurhash: null, Variants: [], Failure: null, now, now);

    private async Task SaveAsync(MediaInfo media, int attempts)
    {
        var expected = _stored?.Version ?? 0;
        var version = await this.DeactivateOnFailureAsync(() => catalog.SaveAsync(media, attempts, expected, CancellationToken.None));
        _stored = new StoredMedia(media, attempts, version);
    }
}
