using System.Text.Json;
using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

/// <summary>ffmpeg and ffprobe as the tests use them: to make inputs and to inspect outputs, without the product's restrictions.</summary>
internal static class TestFfmpeg
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(params string[] arguments)
    {
        var run = await ToolProcess.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", .. arguments], Timeout, CancellationToken.None);
        Assert.True(run.ExitCode == 0, $"ffmpeg {string.Join(' ', arguments)} failed: {run.StandardErrorTail}");
    }

    /// <summary>The whole ffprobe report (format and streams) of <paramref name="path"/>.</summary>
    public static async Task<JsonElement> ProbeAsync(string path)
    {
        var run = await ToolProcess.RunAsync(
            "ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], Timeout, CancellationToken.None);
        Assert.True(run.ExitCode == 0, $"ffprobe {path} failed: {run.StandardErrorTail}");
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The first frame shrunk to 2×2 grey pixels (top-left, top-right, bottom-left, bottom-right): enough to
    /// tell which way up a half-white, half-black picture is.
    /// </summary>
    public static async Task<byte[]> CornersAsync(string path, string scratchDirectory)
    {
        var raw = Path.Combine(scratchDirectory, Guid.NewGuid().ToString("N") + ".gray");
        await RunAsync("-i", path, "-frames:v", "1", "-vf", "scale=2:2", "-pix_fmt", "gray", "-f", "rawvideo", raw);
        return await File.ReadAllBytesAsync(raw);
    }

    public static IEnumerable<JsonElement> Streams(JsonElement report) => report.GetProperty("streams").EnumerateArray();

    public static JsonElement VideoStream(JsonElement report) => Streams(report).Single(s => s.GetProperty("codec_type").GetString() == "video");

    /// <summary>Tag names of the container and of every stream, lower-cased.</summary>
    public static IEnumerable<string> AllTagNames(JsonElement report) =>
        new[] { report.GetProperty("format") }.Concat(Streams(report))
            .Where(element => element.TryGetProperty("tags", out _))
            .SelectMany(element => element.GetProperty("tags").EnumerateObject().Select(tag => tag.Name.ToLowerInvariant()));
}
