using Instagram.Silo.Media;
using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

/// <summary>The parts of ffprobe's JSON that real files vary in, written out by hand.</summary>
public sealed class FfprobeReportTests
{
    [Fact]
    public void Reads_size_duration_and_streams_to_map()
    {
        var probe = FfprobeReport.Parse(Report(VideoStream(), AudioStream(index: 1)));

        Assert.Equal(new ProbedVideo(new VideoHeader(1920, 1080, TimeSpan.FromSeconds(12.5)), 0, 1), probe);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(-90)]
    [InlineData(270)]
    public void Quarter_turn_in_the_display_matrix_swaps_width_and_height(int degrees)
    {
        var video = VideoStream(extra: $$""", "side_data_list": [ { "side_data_type": "Display Matrix", "rotation": {{degrees}} } ]""");

        Assert.Equal((1080, 1920), Size(FfprobeReport.Parse(Report(video))));
    }

    [Fact]
    public void Half_turn_keeps_width_and_height()
    {
        var video = VideoStream(extra: """, "side_data_list": [ { "side_data_type": "Display Matrix", "rotation": -180 } ]""");

        Assert.Equal((1920, 1080), Size(FfprobeReport.Parse(Report(video))));
    }

    [Fact]
    public void Legacy_rotate_tag_swaps_width_and_height()
    {
        var video = VideoStream(extra: """, "tags": { "rotate": "270" }""");

        Assert.Equal((1080, 1920), Size(FfprobeReport.Parse(Report(video))));
    }

    [Fact]
    public void Non_square_pixels_widen_to_the_display_width()
    {
        var video = VideoStream(width: 1440, height: 1080, extra: """, "sample_aspect_ratio": "4:3" """);

        Assert.Equal((1920, 1080), Size(FfprobeReport.Parse(Report(video))));
    }

    [Fact]
    public void Cover_art_is_not_mistaken_for_the_picture()
    {
        var coverArt = """{ "index": 0, "codec_type": "video", "width": 600, "height": 600, "disposition": { "attached_pic": 1 } }""";

        var probe = FfprobeReport.Parse(Report(coverArt, VideoStream(index: 1)));

        Assert.Equal(1, probe.VideoStreamIndex);
        Assert.Null(probe.AudioStreamIndex);
    }

    [Fact]
    public void Duration_falls_back_to_the_video_stream()
    {
        var probe = FfprobeReport.Parse($$"""{ "streams": [ {{VideoStream(extra: """, "duration": "3.2" """)}} ], "format": { } }""");

        Assert.Equal(TimeSpan.FromSeconds(3.2), probe.Header.Duration);
    }

    [Fact]
    public void No_video_stream_is_unsupported() =>
        AssertRejected(MediaRejection.Unsupported, Report(AudioStream(index: 0)));

    [Theory]
    [InlineData("")]
    [InlineData("{ \"streams\": [ ")]
    [InlineData("not json at all")]
    public void Unreadable_report_is_invalid(string json) => AssertRejected(MediaRejection.Invalid, json);

    [Fact]
    public void Missing_picture_size_is_invalid() =>
        AssertRejected(MediaRejection.Invalid, Report(VideoStream(width: 0, height: 0)));

    [Theory]
    [InlineData("\"N/A\"")]
    [InlineData("\"0.000000\"")]
    [InlineData("\"-4\"")]
    [InlineData("\"1e300\"")]
    public void Nonsensical_duration_is_invalid(string duration) =>
        AssertRejected(MediaRejection.Invalid, $$"""{ "streams": [ {{VideoStream()}} ], "format": { "duration": {{duration}} } }""");

    private static void AssertRejected(MediaRejection expected, string json) =>
        Assert.Equal(expected, Assert.Throws<MediaRejectedException>(() => FfprobeReport.Parse(json)).Rejection);

    private static (int, int) Size(ProbedVideo probe) => (probe.Header.Width, probe.Header.Height);

    private static string Report(params string[] streams) =>
        $$"""{ "streams": [ {{string.Join(", ", streams)}} ], "format": { "duration": "12.500000" } }""";

    private static string VideoStream(int index = 0, int width = 1920, int height = 1080, string extra = "") =>
        $$"""{ "index": {{index}}, "codec_type": "video", "codec_name": "h264", "width": {{width}}, "height": {{height}}, "disposition": { "attached_pic": 0 }{{extra}} }""";

    private static string AudioStream(int index) => $$"""{ "index": {{index}}, "codec_type": "audio", "codec_name": "aac" }""";
}
