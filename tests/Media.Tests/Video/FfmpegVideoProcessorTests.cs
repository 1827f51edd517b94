using System.Text;
using System.Text.Json;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

public sealed class FfmpegVideoProcessorTests(TestVideoFiles videos) : IClassFixture<TestVideoFiles>
{
    private static readonly TimeSpan SixtySeconds = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reads_the_size_and_duration_of_a_landscape_video()
    {
        var header = await TestVideoFiles.Processor().ReadHeaderAsync(videos.Landscape, CancellationToken.None);

        Assert.Equal((1280, 720), (header.Width, header.Height));
        Assert.InRange(header.Duration.TotalSeconds, 1.9, 2.1);
    }

    [Fact]
    public async Task Reads_a_video_recorded_sideways_as_portrait()
    {
        var header = await TestVideoFiles.Processor().ReadHeaderAsync(videos.Portrait, CancellationToken.None);

        Assert.Equal((360, 640), (header.Width, header.Height));
    }

    [Fact]
    public async Task Renders_H264_AAC_renditions_at_720p_and_480p()
    {
        var rendered = await videos.LandscapeRendering;

        Assert.Equal((1280, 720), (rendered.Width, rendered.Height));
        Assert.Equal(["video_720", "video_480"], rendered.Renditions.Select(r => r.Name));
        Assert.Equal([(1280, 720), (852, 480)], rendered.Renditions.Select(r => (r.Width, r.Height)));
        foreach (var rendition in rendered.Renditions)
        {
            var report = await TestFfmpeg.ProbeAsync(rendition.Path);
            var video = TestFfmpeg.VideoStream(report);
            Assert.Equal("h264", video.GetProperty("codec_name").GetString());
            Assert.Equal("yuv420p", video.GetProperty("pix_fmt").GetString());
            Assert.Equal((rendition.Width, rendition.Height), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
            Assert.Contains(TestFfmpeg.Streams(report), s => s.GetProperty("codec_name").GetString() == "aac");
        }
    }

    [Fact]
    public async Task Renditions_and_poster_carry_no_title_or_location()
    {
        var inputTags = TestFfmpeg.AllTagNames(await TestFfmpeg.ProbeAsync(videos.Landscape)).ToList();
        Assert.Contains("location", inputTags); // the input really had them
        Assert.Contains("title", inputTags);

        var rendered = await videos.LandscapeRendering;
        foreach (var output in rendered.Renditions.Select(r => r.Path).Append(rendered.PosterPath))
        {
            var report = await TestFfmpeg.ProbeAsync(output);
            Assert.DoesNotContain(TestFfmpeg.AllTagNames(report), tag => tag.StartsWith("location") || tag == "title" || tag == "comment");
            Assert.DoesNotContain("48.8584", report.GetRawText());
            Assert.DoesNotContain("Secret", report.GetRawText());
            Assert.DoesNotContain("+48.8584", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(output)));
        }
    }

    [Fact]
    public async Task Renditions_put_their_index_first_so_playback_starts_during_download()
    {
        var rendered = await videos.LandscapeRendering;

        foreach (var rendition in rendered.Renditions)
        {
            var bytes = await File.ReadAllBytesAsync(rendition.Path);
            var index = bytes.AsSpan().IndexOf("moov"u8);
            var media = bytes.AsSpan().IndexOf("mdat"u8);
            Assert.True(index >= 0 && index < media, $"{rendition.Name}: moov at {index}, mdat at {media}");
        }
    }

    [Fact]
    public async Task Poster_is_a_JPEG_frame_at_the_source_size()
    {
        var rendered = await videos.LandscapeRendering;

        Assert.Equal(VideoRenditions.PosterFileName, Path.GetFileName(rendered.PosterPath));
        var bytes = await File.ReadAllBytesAsync(rendered.PosterPath);
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]), "the poster does not start like a JPEG");
        var poster = TestFfmpeg.VideoStream(await TestFfmpeg.ProbeAsync(rendered.PosterPath));
        Assert.Equal("mjpeg", poster.GetProperty("codec_name").GetString());
        Assert.Equal((1280, 720), (poster.GetProperty("width").GetInt32(), poster.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task Sideways_video_is_rendered_upright_and_not_enlarged()
    {
        using var output = new TestDirectory("video-outputs");

        var rendered = await TestVideoFiles.Processor().RenderAsync(videos.Portrait, output.Path, SixtySeconds, CancellationToken.None);

        Assert.Equal((360, 640), (rendered.Width, rendered.Height));
        // 360 px is below both limits: neither rendition may enlarge it.
        Assert.All(rendered.Renditions, r => Assert.Equal((360, 640), (r.Width, r.Height)));
        foreach (var picture in rendered.Renditions.Select(r => r.Path).Append(rendered.PosterPath))
        {
            var video = TestFfmpeg.VideoStream(await TestFfmpeg.ProbeAsync(picture));
            Assert.Equal((360, 640), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
            Assert.False(HasRotation(video), $"{picture} still asks the player to rotate it");

            // Stored left white, right black; upright that is one colour on top and the other below.
            var corners = await TestFfmpeg.CornersAsync(picture, output.Path);
            var (topLeft, topRight, bottomLeft) = (corners[0], corners[1], corners[2]);
            Assert.True(Math.Abs(topLeft - topRight) < 40, $"{picture}: top corners differ ({topLeft}, {topRight})");
            Assert.True(Math.Abs(topLeft - bottomLeft) > 150, $"{picture}: top and bottom alike ({topLeft}, {bottomLeft})");
        }

        foreach (var rendition in rendered.Renditions)
        {
            // The input is silent: no invented audio track.
            var streams = TestFfmpeg.Streams(await TestFfmpeg.ProbeAsync(rendition.Path));
            Assert.DoesNotContain(streams, s => s.GetProperty("codec_type").GetString() == "audio");
        }
    }

    [Fact]
    public async Task Rendering_again_overwrites_the_same_files()
    {
        using var output = new TestDirectory("video-outputs");
        var processor = TestVideoFiles.Processor();

        var first = await processor.RenderAsync(videos.Portrait, output.Path, SixtySeconds, CancellationToken.None);
        var second = await processor.RenderAsync(videos.Portrait, output.Path, SixtySeconds, CancellationToken.None);

        Assert.Equal(first, second with { Renditions = first.Renditions }); // records compare lists by reference
        Assert.Equal(first.Renditions, second.Renditions);
        Assert.Equal(
            ["poster.jpg", "video_480.mp4", "video_720.mp4"],
            Directory.GetFiles(output.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Frame_rate_is_capped_at_the_configured_maximum()
    {
        using var output = new TestDirectory("video-outputs");
        var processor = TestVideoFiles.Processor(new VideoProcessingOptions { MaxFrameRate = 30, Threads = 1 });

        var rendered = await processor.RenderAsync(videos.Portrait, output.Path, SixtySeconds, CancellationToken.None);

        foreach (var rendition in rendered.Renditions)
        {
            var video = TestFfmpeg.VideoStream(await TestFfmpeg.ProbeAsync(rendition.Path));
            Assert.Equal("30/1", video.GetProperty("r_frame_rate").GetString());
        }
    }

    [Fact]
    public async Task Video_longer_than_the_limit_is_refused_before_transcoding()
    {
        using var output = new TestDirectory("video-outputs");

        var refusal = await Assert.ThrowsAsync<MediaRejectedException>(
            () => TestVideoFiles.Processor().RenderAsync(videos.SixtyOneSeconds, output.Path, SixtySeconds, CancellationToken.None));

        Assert.Equal(MediaRejection.TooLarge, refusal.Rejection);
        Assert.Contains("61", refusal.Message);
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Text_file_is_unsupported()
    {
        using var output = new TestDirectory("video-outputs");
        var processor = TestVideoFiles.Processor();

        var probing = await Assert.ThrowsAsync<MediaRejectedException>(() => processor.ReadHeaderAsync(videos.Text, CancellationToken.None));
        var rendering = await Assert.ThrowsAsync<MediaRejectedException>(
            () => processor.RenderAsync(videos.Text, output.Path, SixtySeconds, CancellationToken.None));

        Assert.Equal(MediaRejection.Unsupported, probing.Rejection);
        Assert.Equal(MediaRejection.Unsupported, rendering.Rejection);
    }

    [Fact]
    public async Task Mp4_without_a_picture_is_unsupported()
    {
        var refusal = await Assert.ThrowsAsync<MediaRejectedException>(
            () => TestVideoFiles.Processor().ReadHeaderAsync(videos.AudioOnly, CancellationToken.None));

        Assert.Equal(MediaRejection.Unsupported, refusal.Rejection);
        Assert.Contains("no video stream", refusal.Message);
    }

    [Fact]
    public async Task Truncated_mp4_that_lost_its_index_is_invalid()
    {
        var refusal = await Assert.ThrowsAsync<MediaRejectedException>(
            () => TestVideoFiles.Processor().ReadHeaderAsync(videos.TruncatedIndexAtEnd, CancellationToken.None));

        Assert.Equal(MediaRejection.Invalid, refusal.Rejection);
        Assert.Contains("moov atom not found", refusal.Message); // ffmpeg's own words, for whoever reads the log
    }

    [Fact]
    public async Task Truncated_mp4_whose_index_promises_missing_frames_is_invalid_and_leaves_no_files()
    {
        using var output = new TestDirectory("video-outputs");

        var refusal = await Assert.ThrowsAsync<MediaRejectedException>(
            () => TestVideoFiles.Processor().RenderAsync(videos.TruncatedFaststart, output.Path, SixtySeconds, CancellationToken.None));

        Assert.Equal(MediaRejection.Invalid, refusal.Rejection);
        Assert.Contains("while transcoding", refusal.Message); // ffprobe believed the index; decoding found the gap
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Missing_ffprobe_is_a_tool_failure_worth_retrying_not_a_rejection()
    {
        var processor = TestVideoFiles.Processor(new VideoProcessingOptions { FfprobePath = "/nonexistent/ffprobe" });

        var failure = await Assert.ThrowsAsync<VideoToolException>(() => processor.ReadHeaderAsync(videos.Landscape, CancellationToken.None));

        Assert.Contains("/nonexistent/ffprobe", failure.Message);
    }

    [Fact]
    public async Task Render_outliving_the_timeout_fails_without_leaving_files()
    {
        using var output = new TestDirectory("video-outputs");
        var processor = TestVideoFiles.Processor(new VideoProcessingOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        var failure = await Assert.ThrowsAsync<VideoToolException>(
            () => processor.RenderAsync(videos.Landscape, output.Path, SixtySeconds, CancellationToken.None));

        Assert.Contains("did not finish within", failure.Message);
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Cancelled_render_stops_without_leaving_files()
    {
        using var output = new TestDirectory("video-outputs");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestVideoFiles.Processor().RenderAsync(videos.Landscape, output.Path, SixtySeconds, cancellation.Token));

        Assert.Empty(Directory.GetFiles(output.Path));
    }

    private static bool HasRotation(JsonElement video) =>
        video.TryGetProperty("side_data_list", out var sideData)
        && sideData.EnumerateArray().Any(entry => entry.TryGetProperty("rotation", out var rotation) && rotation.GetDouble() != 0)
        || video.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var tag) && tag.GetString() != "0";
}
