using Instagram.Silo.Media.Video;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Media.Tests.Video;

/// <summary>
/// Inputs made once per test class with ffmpeg's synthetic sources: small and short, so the whole class
/// stays fast, yet real files with the properties under test (rotation, metadata, damage, length).
/// </summary>
public sealed class TestVideoFiles : IAsyncLifetime
{
    private readonly TestDirectory _directory = new("video-inputs");
    private readonly TestDirectory _landscapeOutput = new("video-outputs");
    private readonly Lazy<Task<RenderedVideo>> _landscapeRendering;

    public TestVideoFiles() =>
        _landscapeRendering = new(() => Processor().RenderAsync(Landscape, _landscapeOutput.Path, TimeSpan.FromSeconds(60), CancellationToken.None));

    public static FfmpegVideoProcessor Processor(VideoProcessingOptions? options = null) =>
        new(Options.Create(options ?? new VideoProcessingOptions()), NullLogger<FfmpegVideoProcessor>.Instance);

    /// <summary>
    /// <see cref="Landscape"/> rendered once, on first use, for the tests that only inspect the result
    /// (a render is the slowest step of the class).
    /// </summary>
    public Task<RenderedVideo> LandscapeRendering => _landscapeRendering.Value;

    /// <summary>1280×720, 2 s at 30 fps, with a 440 Hz tone and a title and a GPS location in its metadata.</summary>
    public string Landscape => In("landscape.mp4");

    /// <summary>Stored 640×360 at 60 fps, left half white, right half black; a display matrix turns it to 360×640. No audio.</summary>
    public string Portrait => In("portrait.mp4");

    /// <summary>61 s of 32×32 black at 1 fps: over the 60 s limit, made in a fraction of a second.</summary>
    public string SixtyOneSeconds => In("sixty-one-seconds.mp4");

    /// <summary>An MP4 container holding only an AAC track.</summary>
    public string AudioOnly => In("audio-only.mp4");

    /// <summary>Text in a file named like a video.</summary>
    public string Text => In("notes.mp4");

    /// <summary>The first half of <see cref="Landscape"/>, whose index (moov) is at the end: ffprobe cannot open it.</summary>
    public string TruncatedIndexAtEnd => In("truncated-index-at-end.mp4");

    /// <summary>A faststart copy of <see cref="Landscape"/> cut at 60 %: its index is intact and promises frames that are gone.</summary>
    public string TruncatedFaststart => In("truncated-faststart.mp4");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(
            TestFfmpeg.RunAsync(
                "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-metadata", "title=Secret holiday", "-metadata", "location=+48.8584+002.2945/",
                "-metadata:s:v:0", "title=Camera stream", Landscape),
            MakePortraitAsync(),
            TestFfmpeg.RunAsync(
                "-f", "lavfi", "-i", "color=c=black:size=32x32:rate=1", "-t", "61",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", SixtyOneSeconds),
            TestFfmpeg.RunAsync("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "1", "-c:a", "aac", AudioOnly),
            File.WriteAllTextAsync(Text, "Dear diary, today I uploaded a video that was really a text file.\n"));

        var landscape = await File.ReadAllBytesAsync(Landscape);
        await File.WriteAllBytesAsync(TruncatedIndexAtEnd, landscape[..(landscape.Length / 2)]);

        var faststart = In("faststart.mp4");
        await TestFfmpeg.RunAsync("-i", Landscape, "-c", "copy", "-movflags", "+faststart", faststart);
        var complete = await File.ReadAllBytesAsync(faststart);
        await File.WriteAllBytesAsync(TruncatedFaststart, complete[..(complete.Length * 6 / 10)]);
    }

    private async Task MakePortraitAsync()
    {
        var stored = In("portrait-as-stored.mp4");
        await TestFfmpeg.RunAsync(
            "-f", "lavfi", "-i", "color=c=black:size=640x360:rate=60", "-t", "1",
            "-vf", "drawbox=x=0:y=0:w=320:h=360:color=white:t=fill",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", stored);

        // ffmpeg 5.1 has no -display_rotation; the legacy rotate tag becomes a display matrix only when
        // stream-copying (an encoder drops it), hence the second step.
        await TestFfmpeg.RunAsync("-i", stored, "-c", "copy", "-metadata:s:v:0", "rotate=90", Portrait);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        _landscapeOutput.Dispose();
        return Task.CompletedTask;
    }

    private string In(string name) => Path.Combine(_directory.Path, name);
}
