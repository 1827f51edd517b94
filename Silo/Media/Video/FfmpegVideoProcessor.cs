using System.Diagnostics;
using Instagram.Silo.Media.Inspection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Video;

/// <summary>
/// <see cref="IVideoProcessor"/> on the ffmpeg and ffprobe executables. Outputs have fixed names inside
/// the output directory (<c>video_720.mp4</c>, <c>video_480.mp4</c>, <c>poster.jpg</c>), so a job that
/// runs again after a crash overwrites its earlier attempt instead of leaving orphans; each file is
/// written under a temporary name and renamed when complete, so a name never holds half a video.
/// </summary>
public sealed class FfmpegVideoProcessor(IOptions<VideoProcessingOptions> options, ILogger<FfmpegVideoProcessor> logger) : IVideoProcessor
{
    private const string PartialSuffix = ".partial";

    // Input-side failures in ffmpeg's stderr: the media is damaged, so retrying cannot help. Any other
    // failure (disk full, killed, missing encoder) may be ours and is reported as VideoToolException.
    private static readonly string[] DamagedInputMarkers =
    [
        "Invalid data found when processing input", "Error while decoding", "corrupt input packet",
        "partial file", "Invalid NAL unit", "decode_slice_header error", "moov atom not found",
    ];

    private readonly VideoProcessingOptions _options = options.Value;

    public async Task<VideoHeader> ReadHeaderAsync(string path, CancellationToken cancellationToken) =>
        (await ProbeAsync(path, cancellationToken).ConfigureAwait(false)).Header;

    public async Task<RenderedVideo> RenderAsync(string path, string outputDirectory, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var probe = await ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        var header = probe.Header;
        if (header.Duration > maxDuration)
        {
            throw new MediaRejectedException(
                MediaRejection.TooLarge,
                $"The video lasts {header.Duration.TotalSeconds:0.#} s; at most {maxDuration.TotalSeconds:0.#} s are accepted.");
        }

        Directory.CreateDirectory(outputDirectory);
        var renditions = VideoRenditions.All
            .Select(spec =>
            {
                var (width, height) = RenditionGeometry.Fit(header.Width, header.Height, spec.ShortSide);
                return (Spec: spec, Width: width, Height: height, Output: Path.Combine(outputDirectory, VideoRenditions.FileName(spec)));
            })
            .ToList();

        var partials = renditions.Select(r => r with { Output = r.Output + PartialSuffix }).ToList();
        string posterPath;
        try
        {
            await RunFfmpegAsync(FfmpegArguments.Transcode(path, probe, partials, _options, maxDuration), "transcoding", cancellationToken).ConfigureAwait(false);
            foreach (var rendition in renditions)
            {
                File.Move(rendition.Output + PartialSuffix, rendition.Output, overwrite: true);
            }

            posterPath = await ExtractPosterAsync(path, probe, Path.Combine(outputDirectory, VideoRenditions.PosterFileName), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled run leaves no half-written files behind; complete ones of an earlier run stay.
            foreach (var partial in partials)
            {
                File.Delete(partial.Output);
            }

            File.Delete(Path.Combine(outputDirectory, VideoRenditions.PosterFileName + PartialSuffix));
            throw;
        }

        logger.LogDebug(
            "Rendered {Width}x{Height} video of {Duration} into {Directory} in {Elapsed}",
            header.Width, header.Height, header.Duration, outputDirectory, Stopwatch.GetElapsedTime(started));
        return new RenderedVideo(
            header.Width,
            header.Height,
            header.Duration,
            posterPath,
            renditions.Select(r => new TranscodedVideo(r.Spec.Name, r.Width, r.Height, r.Output)).ToList());
    }

    private async Task<ProbedVideo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        // The container is settled by its magic bytes first, so that a later ffprobe failure can only mean damage.
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No video to probe.", path);
        }

        if (MediaSniffer.SniffFile(path) is not { Kind: MediaKind.Video })
        {
            throw new MediaRejectedException(MediaRejection.Unsupported, "The file is not an MP4 or QuickTime video.");
        }

        var run = await ToolProcess.RunAsync(_options.FfprobePath, FfmpegArguments.Probe(path), _options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new MediaRejectedException(
                MediaRejection.Invalid,
                $"The video cannot be read; it is damaged or truncated (ffprobe exit code {run.ExitCode}).{ToolProcess.FormatTail(run.StandardErrorTail)}");
        }

        if (run.StandardOutputOverflowed)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "The video declares an implausible number of streams.");
        }

        return FfprobeReport.Parse(run.StandardOutput);
    }

    private async Task<string> ExtractPosterAsync(string input, ProbedVideo probe, string posterPath, CancellationToken cancellationToken)
    {
        // One second in skips the fade-in or black first frame of many clips; half the length for shorter ones.
        var preferred = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, probe.Header.Duration.Ticks / 2));
        var partial = posterPath + PartialSuffix;

        // The container may outlast the picture stream (audio runs on): then there is no frame at the
        // preferred time and ffmpeg writes nothing, so fall back to the first frame.
        foreach (var at in preferred > TimeSpan.Zero ? [preferred, TimeSpan.Zero] : new[] { TimeSpan.Zero })
        {
            File.Delete(partial);
            await RunFfmpegAsync(FfmpegArguments.Poster(input, probe, at, partial), "extracting the poster frame", cancellationToken)
                .ConfigureAwait(false);
            if (new FileInfo(partial) is { Exists: true, Length: > 0 })
            {
                File.Move(partial, posterPath, overwrite: true);
                return posterPath;
            }
        }

        throw new MediaRejectedException(MediaRejection.Invalid, "No frame of the video could be decoded for the poster.");
    }

    private async Task RunFfmpegAsync(IReadOnlyList<string> arguments, string activity, CancellationToken cancellationToken)
    {
        var run = await ToolProcess.RunAsync(_options.FfmpegPath, arguments, _options.Timeout, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode == 0)
        {
            return;
        }

        var tail = ToolProcess.FormatTail(run.StandardErrorTail);
        if (DamagedInputMarkers.Any(marker => run.StandardErrorTail.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            throw new MediaRejectedException(MediaRejection.Invalid, $"The video is damaged: ffmpeg failed while {activity}.{tail}");
        }

        throw new VideoToolException($"ffmpeg failed while {activity} (exit code {run.ExitCode}).{tail}");
    }
}
