using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Video;

/// <summary>Rejects unusable video settings at start-up instead of failing on the first upload.</summary>
internal sealed class VideoProcessingOptionsValidator : IValidateOptions<VideoProcessingOptions>
{
    public ValidateOptionsResult Validate(string? name, VideoProcessingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            failures.Add($"{nameof(options.FfmpegPath)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.FfprobePath))
        {
            failures.Add($"{nameof(options.FfprobePath)} must not be empty.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.Timeout)} must be positive, was {options.Timeout}.");
        }

        if (options.Threads < 0)
        {
            failures.Add($"{nameof(options.Threads)} must be 0 (automatic) or more, was {options.Threads}.");
        }

        if (string.IsNullOrWhiteSpace(options.Preset))
        {
            failures.Add($"{nameof(options.Preset)} must not be empty.");
        }

        if (options.ConstantRateFactor is < 0 or > 51)
        {
            failures.Add($"{nameof(options.ConstantRateFactor)} must be 0–51, was {options.ConstantRateFactor}.");
        }

        if (options.MaxFrameRate < 1)
        {
            failures.Add($"{nameof(options.MaxFrameRate)} must be at least 1, was {options.MaxFrameRate}.");
        }

        if (options.AudioBitrateKbps < 1)
        {
            failures.Add($"{nameof(options.AudioBitrateKbps)} must be at least 1, was {options.AudioBitrateKbps}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
