namespace Instagram.Grains.Media;

/// <summary>The work of processing one media item, as the media grain hands it to the pipeline.</summary>
public sealed record MediaProcessingJob(long MediaId, MediaType Type, string ContentType, string UploadKey)
{
    public static MediaProcessingJob For(MediaInfo media) => new(media.MediaId, media.Type, media.ContentType, media.UploadKey);
}
