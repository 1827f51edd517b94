namespace Instagram.Grains.Media;

/// <summary>How media grains retry processing (from the silo's <c>Media</c> options).</summary>
/// <param name="MaxAttempts">Attempts before the job is dead-lettered and the item fails. Default 3.</param>
/// <param name="RetryDelay">Wait after the first failed attempt, doubling after each further one (2 s, then 4 s).</param>
public sealed record MediaJobSettings(int MaxAttempts, TimeSpan RetryDelay)
{
    public static MediaJobSettings Default { get; } = new(3, TimeSpan.FromSeconds(2));

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt) => RetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 16));
}
