namespace Instagram.ApiFrontend.Posts;

/// <summary>
/// Change counts for an unbounded set of IDs in fixed memory: each ID falls in one of 65 536 stripes, and a
/// change to any ID of a stripe advances the stripe. A rendering remembers the count it saw before reading
/// its sources and stays current while the count has not moved. IDs sharing a stripe cost an unneeded
/// re-render now and then, never a stale one.
/// </summary>
internal sealed class ChangeCounters
{
    private const int StripeBits = 16;

    private readonly int[] _stripes = new int[1 << StripeBits];

    public int Current(long id) => Volatile.Read(ref _stripes[Stripe(id)]);

    public void Advance(long id) => Interlocked.Increment(ref _stripes[Stripe(id)]);

    // Fibonacci hashing: snowflake IDs share their low (sequence) bits, so the high bits of the product pick the stripe.
    private static int Stripe(long id) => (int)(unchecked((ulong)id * 0x9E3779B97F4A7C15UL) >> (64 - StripeBits));
}
