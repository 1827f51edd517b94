namespace Runtime.Streams;

/// <summary>Delivery settings of one stream provider (named options, keyed by provider name).</summary>
public sealed class StreamDeliveryOptions
{
    /// <summary>Attempts before an event is dead-lettered. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt; doubles after each further failure. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts. Default 1 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one delivery to a grain may take before it counts as a failed attempt. Default: none, which
    /// means the silo's response timeout (30 s by default). Set it for consumers that do long work per event.
    /// </summary>
    public TimeSpan? DeliveryTimeout { get; set; }

    /// <summary>How often the queue is polled when nothing signals new events (e.g. events from another process). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Streams delivered concurrently; events within one stream are delivered in order, one at a time. Default 256.</summary>
    public int MaxConcurrentStreams { get; set; } = 256;

    /// <summary>Events held in memory awaiting delivery; reading pauses above this. Default 4096.</summary>
    public int MaxBufferedEvents { get; set; } = 4096;

    /// <summary>Time between attempts after <paramref name="failedAttempts"/> failures.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var doubled = RetryDelay.Ticks * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        return TimeSpan.FromTicks((long)Math.Min(doubled, MaxRetryDelay.Ticks));
    }
}
