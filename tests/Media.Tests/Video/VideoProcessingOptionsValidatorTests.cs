using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

public sealed class VideoProcessingOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() =>
        Assert.True(new VideoProcessingOptionsValidator().Validate(null, new VideoProcessingOptions()).Succeeded);

    [Fact]
    public void Names_every_unusable_setting()
    {
        var options = new VideoProcessingOptions
        {
            FfmpegPath = "",
            Timeout = TimeSpan.Zero,
            Threads = -1,
            ConstantRateFactor = 60,
            MaxFrameRate = 0,
        };

        var result = new VideoProcessingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["FfmpegPath", "Timeout", "Threads", "ConstantRateFactor", "MaxFrameRate"],
            result.Failures!.Select(failure => failure.Split(' ')[0]));
    }
}
