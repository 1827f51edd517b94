namespace Instagram.Silo.Media.Video;

/// <summary>One MP4 size we serve.</summary>
/// <param name="Name">Public name and file stem, e.g. <c>video_720</c>.</param>
/// <param name="ShortSide">Upper bound of the short side in pixels (see <see cref="RenditionGeometry"/>).</param>
/// <param name="MaxBitrateKbps">
/// Peak video bit rate, kbit/s. Quality comes from the CRF; the cap only stops noisy scenes from producing
/// a stream that stalls on a mobile connection.
/// </param>
public sealed record VideoRenditionSpec(string Name, int ShortSide, int MaxBitrateKbps);

/// <summary>The two renditions of every video, largest first, and the poster's file name.</summary>
public static class VideoRenditions
{
    public static readonly VideoRenditionSpec Video720 = new("video_720", 720, MaxBitrateKbps: 3500);
    public static readonly VideoRenditionSpec Video480 = new("video_480", 480, MaxBitrateKbps: 1500);

    public static readonly IReadOnlyList<VideoRenditionSpec> All = [Video720, Video480];

    public const string PosterFileName = "poster.jpg";

    public static string FileName(VideoRenditionSpec rendition) => rendition.Name + ".mp4";
}
