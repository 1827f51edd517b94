using System.Globalization;

namespace Instagram.Silo.Media.Video;

/// <summary>
/// Command lines for ffprobe and ffmpeg. Uploaded files are hostile input, so every run reads the input
/// only through the mov/mp4 demuxer and only from a local file: playlist formats (HLS, concat) would
/// otherwise let a crafted upload make ffmpeg open other local files or URLs and copy them into a
/// rendition. Paths carry the <c>file:</c> prefix so that a colon or a leading dash is never taken
/// for a protocol or an option.
/// </summary>
internal static class FfmpegArguments
{
    private static readonly string[] SafeInput = ["-protocol_whitelist", "file", "-format_whitelist", "mov"];

    public static IReadOnlyList<string> Probe(string input) =>
    [
        "-v", "error", .. SafeInput,
        "-print_format", "json", "-show_format", "-show_streams",
        FileUrl(input),
    ];

    /// <summary>
    /// Both renditions in one run, so the input is decoded once and split. Output options in ffmpeg apply
    /// to the next output only, hence each block repeats the metadata stripping.
    /// </summary>
    public static IReadOnlyList<string> Transcode(
        string input,
        ProbedVideo probe,
        IReadOnlyList<(VideoRenditionSpec Spec, int Width, int Height, string Output)> renditions,
        VideoProcessingOptions options,
        TimeSpan maxDuration)
    {
        // -xerror: a decoding error ends the run instead of publishing a video with a torn or missing tail.
        // -t on the input: a file whose header understates its length is still cut at the limit, rather
        // than transcoded for as long as its frames last.
        List<string> arguments =
            ["-nostdin", "-v", "error", "-xerror", "-y", .. SafeInput, "-t", Invariant($"{maxDuration.TotalSeconds:0.###}"), "-i", FileUrl(input)];

        var graph = $"[0:{probe.VideoStreamIndex}]split={renditions.Count}" + string.Concat(renditions.Select((_, i) => $"[in{i}]"));
        for (var i = 0; i < renditions.Count; i++)
        {
            graph += $";[in{i}]scale={renditions[i].Width}:{renditions[i].Height},setsar=1[out{i}]";
        }

        arguments.AddRange(["-filter_complex", graph]);

        for (var i = 0; i < renditions.Count; i++)
        {
            var (spec, _, _, output) = renditions[i];
            arguments.AddRange(["-map", $"[out{i}]"]);
            if (probe.AudioStreamIndex is { } audio)
            {
                arguments.AddRange(["-map", $"0:{audio}", "-c:a", "aac", "-b:a", Invariant($"{options.AudioBitrateKbps}k")]);
            }

            arguments.AddRange(StripMetadata);
            arguments.AddRange(
            [
                "-c:v", "libx264", "-preset", options.Preset, "-crf", Invariant($"{options.ConstantRateFactor}"),
                "-maxrate", Invariant($"{spec.MaxBitrateKbps}k"), "-bufsize", Invariant($"{spec.MaxBitrateKbps * 2}k"),
                "-pix_fmt", "yuv420p", "-fpsmax", Invariant($"{options.MaxFrameRate}"),
            ]);
            if (options.Threads > 0)
            {
                arguments.AddRange(["-threads", Invariant($"{options.Threads}")]);
            }

            // faststart moves the index to the front so playback starts before the download ends.
            arguments.AddRange(["-movflags", "+faststart", "-f", "mp4", FileUrl(output)]);
        }

        return arguments;
    }

    /// <summary>One upright frame at <paramref name="at"/>, scaled to square pixels, as a JPEG.</summary>
    public static IReadOnlyList<string> Poster(string input, ProbedVideo probe, TimeSpan at, string output) =>
    [
        "-nostdin", "-v", "error", "-y", .. SafeInput,
        // Before -i the seek is fast (from the nearest keyframe) and still frame-accurate.
        "-ss", at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "-i", FileUrl(input),
        "-map", $"0:{probe.VideoStreamIndex}",
        "-vf", $"scale={probe.Header.Width}:{probe.Header.Height},setsar=1",
        "-frames:v", "1", .. StripMetadata,
        "-c:v", "mjpeg", "-q:v", "2", "-f", "mjpeg", FileUrl(output),
    ];

    // Drops container and stream tags (title, GPS "location", device make and model) and chapters.
    private static readonly string[] StripMetadata = ["-map_metadata", "-1", "-map_chapters", "-1"];

    private static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
