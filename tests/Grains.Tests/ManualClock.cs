namespace Grains.Tests;

/// <summary>
/// A clock that moves only when told, so tests of time windows need no sleeps. Wall-clock time and the
/// monotonic timestamp advance together (one timestamp tick per <see cref="TimeSpan"/> tick).
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualClock()
        : this(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by) => _now += by;
}
