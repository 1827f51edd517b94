using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using Instagram.Grains.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Media.Catalog;
using Instagram.Silo.Media.Imaging;
using Instagram.Silo.Media.Inspection;
using Instagram.Silo.Media.Video;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Processing;

/// <summary>
/// One media job, start to end: fetch the uploaded bytes into scratch space (hashing them on the way),
/// check them again (the upload path checked, but a direct upload to S3 never passed through us), store
/// the original under its content address, render the variants and store them under keys derived from
/// that address. Every step is safe to repeat, so a job resumed after a crash converges on the same keys.
/// </summary>
internal sealed partial class MediaPipeline(
    IBlobStore blobs,
    IImageProcessor images,
    IVideoProcessor videos,
    MediaWorkerPool workers,
    MediaMetrics metrics,
    IOptions<MediaOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<MediaPipeline> logger) : IMediaPipeline
{
    private readonly ConcurrentDictionary<long, bool> _failedBefore = new();

    public async Task<IMediaWorker> TakeWorkerAsync(CancellationToken cancellationToken) =>
        new Worker(this, await workers.AcquireAsync(cancellationToken).ConfigureAwait(false));

    public void Abandoned(MediaProcessingJob job, int attempts, string error)
    {
        _failedBefore.TryRemove(job.MediaId, out _);
        metrics.DeadLettered();
        LogAbandoned(logger, job.MediaId, attempts, error);
    }

    public async Task DiscardUploadAsync(string uploadKey, CancellationToken cancellationToken)
    {
        try
        {
            await blobs.DeleteAsync(uploadKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDiscardFailed(logger, exception, uploadKey);
        }
    }

    /// <summary>
    /// One attempt on a held worker, off the caller's context (the work is long and synchronous in places). Its
    /// time limit cancels the work itself (ffmpeg is killed), so an attempt given up on does not go on competing
    /// with its retry; a stopping silo cancels it too, and says so.
    /// </summary>
    private Task<MediaProcessingOutcome> ProcessOnWorkerAsync(MediaProcessingJob job) => Task.Run(async () =>
    {
        var stopping = lifetime.ApplicationStopping;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(options.Value.JobTimeout);
        try
        {
            return await ProcessNowAsync(job, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw new MediaJobInterruptedException($"Processing media {job.MediaId} was cancelled: the silo is stopping.");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"Processing media {job.MediaId} took longer than {options.Value.JobTimeout} and was cancelled.");
        }
    });

    private async Task<MediaProcessingOutcome> ProcessNowAsync(MediaProcessingJob job, CancellationToken cancellationToken)
    {
        if (_failedBefore.TryRemove(job.MediaId, out _))
        {
            metrics.Retried();
        }

        var stopwatch = Stopwatch.StartNew();
        var mediaType = MediaNames.Of(job.Type);
        LogStarting(logger, job.MediaId, mediaType);
        var scratch = Directory.CreateTempSubdirectory(ScratchPrefix);
        try
        {
            var outcome = await ProcessInAsync(job, scratch.FullName, cancellationToken).ConfigureAwait(false);
            var result = outcome is MediaProcessed ? MediaMetrics.Outcomes.Succeeded : MediaMetrics.Outcomes.Rejected;
            metrics.Processed(mediaType, result, stopwatch.Elapsed);
            LogProcessed(logger, job.MediaId, result, stopwatch.Elapsed.TotalMilliseconds);
            return outcome;
        }
        catch (Exception exception) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            _failedBefore[job.MediaId] = true;
            metrics.Processed(mediaType, MediaMetrics.Outcomes.Failed, stopwatch.Elapsed);
            LogAttemptFailed(logger, exception, job.MediaId);
            throw;
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private string ScratchPrefix => options.Value.WorkDirectory is { } directory ? Path.Combine(directory, "job-") : "instagram-media-";

    private async Task<MediaProcessingOutcome> ProcessInAsync(MediaProcessingJob job, string scratch, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var originalPath = Path.Combine(scratch, "original");
        var maxBytes = limits.MaxBytesFor(job.Type == MediaType.Video ? MediaKind.Video : MediaKind.Image);
        if (await FetchAsync(job.UploadKey, originalPath, maxBytes, cancellationToken).ConfigureAwait(false) is not { } fetched)
        {
            return new MediaRejected($"The file is larger than the limit of {maxBytes} bytes for this kind of media.");
        }

        if (MediaSniffer.SniffFile(originalPath) is not { } format)
        {
            return new MediaRejected("The file is not an image or video in a format we accept.");
        }

        if (fetched.Length > limits.MaxBytesFor(format.Kind))
        {
            return new MediaRejected($"The file is {fetched.Length} bytes; the limit for this kind of media is {limits.MaxBytesFor(format.Kind)}.");
        }

        if ((format.Kind == MediaKind.Video) != (job.Type == MediaType.Video))
        {
            return new MediaRejected($"The file is {format.ContentType}, not the {MediaNames.Of(job.Type)} it was uploaded as.");
        }

        try
        {
            var originalKey = MediaBlobKeys.Original(fetched.Sha256);
            await StoreOnceAsync(originalKey, originalPath, format.ContentType, cancellationToken).ConfigureAwait(false);
            var stem = MediaBlobKeys.VariantStem(job.MediaId, fetched.Sha256);
            return format.Kind == MediaKind.Video
                ? await RenderVideoAsync(originalKey, stem, originalPath, scratch, cancellationToken).ConfigureAwait(false)
                : await RenderImageAsync(originalKey, stem, originalPath, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaRejectedException rejected)
        {
            LogRejected(logger, rejected, job.MediaId);
            return new MediaRejected(MediaRejectedException.ClientMessageFor(rejected.Rejection));
        }
    }

    private async Task<MediaProcessed> RenderImageAsync(string originalKey, string stem, string path, CancellationToken cancellationToken)
    {
        var rendered = images.Render(path, ImageVariants.All, options.Value.MaxImagePixels);
        var variants = await StoreVariantsAsync(stem, rendered, cancellationToken).ConfigureAwait(false);
        return new MediaProcessed(originalKey, rendered.Width, rendered.Height, DurationSeconds: null, rendered.Blurhash, variants);
    }

    private async Task<MediaProcessed> RenderVideoAsync(string originalKey, string stem, string path, string scratch, CancellationToken cancellationToken)
    {
        var output = Directory.CreateDirectory(Path.Combine(scratch, "renditions")).FullName;
        var video = await videos.RenderAsync(path, output, options.Value.MaxVideoDuration, cancellationToken).ConfigureAwait(false);

        // The poster frame gives the video the same image variants (grid thumbnails, blurhash) a photo has.
        var poster = images.Render(video.PosterPath, ImageVariants.All, options.Value.MaxImagePixels);
        var variants = (await StoreVariantsAsync(stem, poster, cancellationToken).ConfigureAwait(false)).ToBuilder();
        foreach (var rendition in video.Renditions)
        {
            var key = MediaBlobKeys.Variant(stem, rendition.Name, "mp4");
            await StoreOnceAsync(key, rendition.Path, "video/mp4", cancellationToken).ConfigureAwait(false);
            variants.Add(new MediaVariant(rendition.Name, key, rendition.Width, rendition.Height, "video/mp4"));
        }

        return new MediaProcessed(originalKey, video.Width, video.Height, video.Duration.TotalSeconds, poster.Blurhash, variants.ToImmutable());
    }

    private async Task<ImmutableArray<MediaVariant>> StoreVariantsAsync(string stem, RenderedImage rendered, CancellationToken cancellationToken)
    {
        var variants = ImmutableArray.CreateBuilder<MediaVariant>(rendered.Variants.Count);
        foreach (var variant in rendered.Variants)
        {
            var key = MediaBlobKeys.Variant(stem, variant.Name, "webp");
            if (await blobs.GetPropertiesAsync(key, cancellationToken).ConfigureAwait(false) is null)
            {
                using var content = new MemoryStream(variant.WebP, writable: false);
                await blobs.PutAsync(key, content, "image/webp", cancellationToken).ConfigureAwait(false);
            }

            variants.Add(new MediaVariant(variant.Name, key, variant.Width, variant.Height, "image/webp"));
        }

        return variants.MoveToImmutable();
    }

    /// <summary>
    /// Copies the uploaded blob to <paramref name="path"/>, hashing it on the way; null, having copied no
    /// more than the limit, if it is larger than <paramref name="maxBytes"/> (a direct upload to S3 can be
    /// any size: the presigned URL does not bind the length).
    /// </summary>
    private async Task<(long Length, string Sha256)?> FetchAsync(string key, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var source = await blobs.OpenReadAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"The uploaded blob '{key}' is missing from the {blobs.Name} blob store.");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Content-addressed keys never change content, so a blob already there is already right.</summary>
    private async Task StoreOnceAsync(string key, string path, string contentType, CancellationToken cancellationToken)
    {
        if (await blobs.GetPropertiesAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await using var content = File.OpenRead(path);
        await blobs.PutAsync(key, content, contentType, cancellationToken).ConfigureAwait(false);
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Scratch space only; the OS temp cleaner gets it eventually.
        }
    }

    private sealed class Worker(MediaPipeline pipeline, IDisposable lease) : IMediaWorker
    {
        public Task<MediaProcessingOutcome> ProcessAsync(MediaProcessingJob job) => pipeline.ProcessOnWorkerAsync(job);

        public void Dispose() => lease.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processing media {MediaId} ({MediaType})")]
    private static partial void LogStarting(ILogger logger, long mediaId, string mediaType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media {MediaId} processed: {Outcome} in {Milliseconds:F0} ms")]
    private static partial void LogProcessed(ILogger logger, long mediaId, string outcome, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media {MediaId} rejected by its decoder")]
    private static partial void LogRejected(ILogger logger, Exception exception, long mediaId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing media {MediaId} failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, long mediaId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media {MediaId} failed {Attempts} times and goes to the dead letters; last error: {Error}")]
    private static partial void LogAbandoned(ILogger logger, long mediaId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the upload {Key}; it is no longer needed")]
    private static partial void LogDiscardFailed(ILogger logger, Exception exception, string key);
}
