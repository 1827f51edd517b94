using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Instagram.Grains.Media;
using Instagram.Silo.Media;

namespace Media.Tests.Processing;

/// <summary>
/// A silo killed with SIGKILL in the middle of a media job resumes the job when it restarts on the same
/// data, and the job produces the keys it would have produced uninterrupted.
/// </summary>
public sealed class MediaJobCrashSpecification
{
    private const long MediaId = 424242;
    private const long OwnerId = 7;

    [Fact]
    public async Task A_job_interrupted_by_a_crash_resumes_after_restart_and_writes_the_same_content_addressed_keys()
    {
        using var data = new TestDirectory("media-crash");
        var video = Path.Combine(data.Path, "clip.mp4");
        await MakeVideoAsync(video); // long enough to transcode for a few seconds on two cores
        var environment = new Dictionary<string, string> { ["INSTAGRAM_DATA_DIR"] = data.Path, ["Media__Workers"] = "1" };

        await using (var first = DotnetProcess.Start("Silo.CrashHost.dll", ["media-submit", video, MediaId.ToString(), OwnerId.ToString()], environment))
        {
            await first.WaitForLineAsync("submitted");
            await Eventually.TrueAsync(() => first.Lines.Any(l => l.Contains($"Processing media {MediaId}", StringComparison.Ordinal)) || first.HasExited, "the job starts");
            first.ThrowIfExited("before the job started");
            await first.KillAsync();
            Assert.DoesNotContain(first.Lines, l => l.Contains($"Media {MediaId} processed", StringComparison.Ordinal)); // killed mid-job, not after
        }

        await using var second = DotnetProcess.Start("Silo.CrashHost.dll", ["media-await", MediaId.ToString(), OwnerId.ToString()], environment);
        var settled = await Eventually.ValueAsync(
            () => Task.FromResult(second.Lines.FirstOrDefault(l => l.StartsWith("settled ", StringComparison.Ordinal))),
            line => line is not null || second.HasExited,
            "the restarted silo finishes the job",
            TimeSpan.FromSeconds(120));
        Assert.True(settled is not null, "the second host exited early:\n" + string.Join('\n', second.Lines));
        var media = JsonSerializer.Deserialize<MediaInfo>(settled!["settled ".Length..])!;

        Assert.Equal(MediaStatus.Ready, media.Status);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(video)));
        Assert.Equal(MediaBlobKeys.Original(sha256), media.OriginalKey);
        var stem = MediaBlobKeys.VariantStem(MediaId, sha256);
        var expected = new[] { ("thumb_150", "webp"), ("small_320", "webp"), ("medium_640", "webp"), ("large_1080", "webp"), ("video_720", "mp4"), ("video_480", "mp4") }
            .Select(v => MediaBlobKeys.Variant(stem, v.Item1, v.Item2)).Order();
        Assert.Equal(expected, media.Variants.Select(v => v.Key).Order());
        foreach (var variant in media.Variants)
        {
            Assert.True(File.Exists(Path.Combine(data.Path, "media", variant.Key)), $"{variant.Key} is stored");
        }

        var uploads = Path.Combine(data.Path, "media", MediaBlobKeys.UploadsOf(MediaId));
        Assert.Empty(Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads) : []); // the upload is discarded once processed
    }

    private static async Task MakeVideoAsync(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", "12", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, errors);
    }
}
