namespace Instagram.Grains.Identity;

/// <summary>
/// The one generator of the domain's IDs: 64-bit, time-sortable (Snowflake layout). 41 bits of
/// milliseconds since 2025-01-01 (good for ~69 years), 10 bits of node (so frontends and silos never
/// collide without coordinating), 12 bits of sequence within a millisecond. Sorting IDs sorts by creation
/// time, which is what cursors and "newest first" rely on. Thread-safe and lock-free.
/// </summary>
public sealed class SnowflakeIdGenerator
{
    public const int MaxNode = (1 << NodeBits) - 1;

    private const int NodeBits = 10;
    private const int SequenceBits = 12;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _timeProvider;
    private readonly long _node;

    // Milliseconds and sequence of the last ID issued, packed as (ms << SequenceBits) | sequence.
    private long _last;

    public SnowflakeIdGenerator(TimeProvider timeProvider, int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(node, MaxNode);
        _timeProvider = timeProvider;
        _node = node;
    }

    public long NextId()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var now = (long)(_timeProvider.GetUtcNow() - Epoch).TotalMilliseconds;

            // Never go backwards (clock adjustments) and, when a millisecond's 4096 IDs are used up,
            // borrow the next millisecond: IDs stay unique and increasing at the cost of running slightly ahead.
            var next = Math.Max(now << SequenceBits, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                var milliseconds = next >> SequenceBits;
                return (milliseconds << (NodeBits + SequenceBits)) | (_node << SequenceBits) | (next & SequenceMask);
            }
        }
    }

    /// <summary>When <paramref name="id"/> was issued (to the millisecond).</summary>
    public static DateTimeOffset TimestampOf(long id) => Epoch.AddMilliseconds(id >> (NodeBits + SequenceBits));
}
