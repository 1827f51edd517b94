namespace Runtime;

/// <summary>A timer owned by one activation. Dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: first tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

public sealed record GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>
    /// Time between the end of one tick and the start of the next (ticks never overlap).
    /// <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.
    /// </summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Whether ticks may interleave with requests. Default false: a tick is a turn like any request.</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity and so keep the activation from idle collection. Default false.</summary>
    public bool KeepAlive { get; init; }
}
