namespace Instagram.Silo.Media.Video;

/// <summary>
/// ffmpeg or ffprobe could not do its job for a reason not shown to lie in the media: missing executable,
/// timeout, full disk, an unexpected exit. Unlike <see cref="MediaRejectedException"/> this is worth
/// retrying, so a job that meets it tries again later instead of failing the upload.
/// </summary>
public sealed class VideoToolException(string message, Exception? innerException = null) : Exception(message, innerException);
