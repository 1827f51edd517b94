namespace Instagram.Silo.Media.Video;

/// <summary>
/// How <see cref="FfmpegVideoProcessor"/> runs ffmpeg and ffprobe (configuration section <c>Media:Video</c>).
/// Validated by <see cref="VideoProcessingOptionsValidator"/>.
/// </summary>
public sealed class VideoProcessingOptions
{
    public const string SectionName = "Media:Video";

    /// <summary>The ffmpeg executable: a path, or a name looked up on <c>PATH</c>. Default <c>ffmpeg</c>.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a path, or a name looked up on <c>PATH</c>. Default <c>ffprobe</c>.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>
    /// Limit for one ffmpeg or ffprobe run; the process tree is killed when it is reached. Default 5 min,
    /// ample for a 60 s upload at two renditions on two cores.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Encoder threads per rendition (ffmpeg <c>-threads</c>). Default 0: ffmpeg picks, which means every
    /// core; set it lower when several videos are processed at once so they do not oversubscribe the CPU.
    /// </summary>
    public int Threads { get; set; }

    /// <summary>x264 speed/size trade-off (<c>-preset</c>). Default <c>veryfast</c>.</summary>
    public string Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor: lower is better and bigger, 18–28 is sensible. Default 23.</summary>
    public int ConstantRateFactor { get; set; } = 23;

    /// <summary>Frame-rate ceiling of the renditions, frames per second (higher rates are dropped to it). Default 30.</summary>
    public int MaxFrameRate { get; set; } = 30;

    /// <summary>AAC bit rate of the renditions' audio, kbit/s. Default 128.</summary>
    public int AudioBitrateKbps { get; set; } = 128;
}
