using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Media.Inspection;
using Microsoft.Extensions.Options;
using Orleans;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// The frontend's part of an upload: make the original durable in the blob store, then hand the media to
/// its grain, which records it and queues processing in one transaction. Only after both does the client
/// hear "accepted", so an acknowledged upload is never lost.
/// </summary>
public sealed class MediaUploads(IBlobStore blobs, IGrainFactory grains, UploadInspector inspector, IOptions<MediaOptions> options)
{
    /// <summary>A multipart upload: stores and submits it in one go.</summary>
    public async Task<MediaResult> StoreAndSubmitAsync(long ownerId, long mediaId, ReceivedUpload upload, CancellationToken cancellationToken)
    {
        await inspector.InspectAsync(upload, cancellationToken);
        var uploadKey = MediaBlobKeys.NewUpload(mediaId);
        await StoreAsync(uploadKey, upload, cancellationToken);
        return await grains.GetGrain<IMediaGrain>(mediaId).SubmitAsync(new MediaUpload(ownerId, TypeOf(upload.Format.Kind), upload.Format.ContentType, upload.Length, uploadKey));
    }

    /// <summary>The PUT of a direct upload to the frontend's own signed URL: stores the bytes; completing submits them.</summary>
    public async Task StoreDirectAsync(string uploadKey, ReceivedUpload upload, CancellationToken cancellationToken)
    {
        await inspector.InspectAsync(upload, cancellationToken);
        await StoreAsync(uploadKey, upload, cancellationToken);
    }

    /// <summary>
    /// Completes a direct upload: the bytes must be in the blob store (put there through us or straight to
    /// S3), within the limit of their kind, and of a format we accept — checked on the stored bytes, since a
    /// direct upload to S3 never passed through this process.
    /// </summary>
    public async Task<MediaResult> CompleteAsync(long ownerId, long mediaId, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IMediaGrain>(mediaId);
        var current = await grain.GetAsync(ownerId);
        if (current is not { Access: MediaAccess.Granted, Media: { Status: MediaStatus.AwaitingUpload } media })
        {
            return current;
        }

        var properties = await blobs.GetPropertiesAsync(media.UploadKey, cancellationToken);
        if (properties is null)
        {
            return MediaResult.Conflict(media);
        }

        var format = await SniffStoredAsync(media.UploadKey, cancellationToken)
            ?? throw new MediaRejectedException(MediaRejection.Unsupported, "The uploaded file is not an image or video in a format we accept.");
        if (properties.Length > options.Value.MaxBytesFor(format.Kind))
        {
            await blobs.DeleteAsync(media.UploadKey, cancellationToken);
            throw new MediaRejectedException(MediaRejection.TooLarge, $"The uploaded file is {properties.Length} bytes; the limit is {options.Value.MaxBytesFor(format.Kind)}.");
        }

        return await grain.SubmitAsync(new MediaUpload(ownerId, TypeOf(format.Kind), format.ContentType, properties.Length, media.UploadKey));
    }

    public static MediaType TypeOf(MediaKind kind) => kind == MediaKind.Video ? MediaType.Video : MediaType.Image;

    private async Task StoreAsync(string key, ReceivedUpload upload, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(upload.Path);
        await blobs.PutAsync(key, content, upload.Format.ContentType, cancellationToken);
    }

    private async Task<SniffedFormat?> SniffStoredAsync(string key, CancellationToken cancellationToken)
    {
        await using var stored = await blobs.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var header = new byte[MediaSniffer.HeaderLength];
        var read = await stored.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSniffer.Sniff(header.AsSpan(0, read));
    }
}
