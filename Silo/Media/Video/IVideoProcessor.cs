namespace Instagram.Silo.Media.Video;

/// <summary>What ffprobe says about a video.</summary>
/// <param name="Width">Display width in pixels (rotation applied).</param>
/// <param name="Height">Display height in pixels (rotation applied).</param>
/// <param name="Duration">Length of the longest stream.</param>
public sealed record VideoHeader(int Width, int Height, TimeSpan Duration);

/// <summary>One H.264 MP4 rendition written to disk.</summary>
/// <param name="Name"><c>video_720</c> or <c>video_480</c>.</param>
public sealed record TranscodedVideo(string Name, int Width, int Height, string Path);

/// <summary>The result of processing one video: renditions and a poster frame (a JPEG file) to derive image variants from.</summary>
public sealed record RenderedVideo(int Width, int Height, TimeSpan Duration, string PosterPath, IReadOnlyList<TranscodedVideo> Renditions);

/// <summary>Video probing and transcoding (ffmpeg/ffprobe child processes).</summary>
public interface IVideoProcessor
{
    /// <summary>Probes the file. Throws <see cref="MediaRejectedException"/> if it is not a readable video.</summary>
    Task<VideoHeader> ReadHeaderAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Transcodes to H.264/AAC MP4 at 720p and 480p (never enlarging; metadata stripped; faststart) and
    /// extracts a poster frame, all into <paramref name="outputDirectory"/>. Refuses a video longer than
    /// <paramref name="maxDuration"/> with <see cref="MediaRejection.TooLarge"/>.
    /// </summary>
    Task<RenderedVideo> RenderAsync(string path, string outputDirectory, TimeSpan maxDuration, CancellationToken cancellationToken);
}
