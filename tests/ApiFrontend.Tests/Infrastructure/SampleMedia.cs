using System.Diagnostics;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// Real image and video files made on the spot with ffmpeg (the pipeline needs it anyway) and exiftool
/// (installed by the test command), so tests use genuine encoders' output without binaries in git.
/// </summary>
public sealed class SampleMedia : IDisposable
{
    private readonly TestDirectory _directory = new("sample-media");

    /// <summary>A JPEG test pattern of the given size.</summary>
    public async Task<byte[]> JpegAsync(int width, int height)
    {
        var path = NewPath("jpg");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}", "-frames:v", "1", "-q:v", "3", path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>A JPEG carrying GPS coordinates and a camera model in its EXIF.</summary>
    public async Task<byte[]> JpegWithGpsAsync(int width, int height)
    {
        var path = NewPath("jpg");
        await File.WriteAllBytesAsync(path, await JpegAsync(width, height));
        await RunAsync("exiftool", "-q", "-overwrite_original", "-GPSLatitude=48.8583", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
            "-Model=SecretCam 9000", path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>An MP4 (H.264) test pattern with a tone.</summary>
    public async Task<byte[]> Mp4Async(int width, int height, double seconds)
    {
        var path = NewPath("mp4");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with almost no data behind it.</summary>
    public byte[] PngClaiming(int width, int height)
    {
        var path = NewPath("png");
        HandMadePng.WriteClaimingSize(path, width, height);
        return File.ReadAllBytes(path);
    }

    public void Dispose() => _directory.Dispose();

    private string NewPath(string extension) => Path.Combine(_directory.Path, Guid.NewGuid().ToString("N") + "." + extension);

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }
}
