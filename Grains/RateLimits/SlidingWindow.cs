namespace Instagram.Grains.RateLimits;

/// <summary>
/// A precise sliding log: the times of the actions that still count, oldest first. An action counts for
/// exactly one window after it happened; a new one is allowed while fewer than the limit count.
/// </summary>
/// <remarks>
/// Why a log rather than the two-bucket sliding-window counter: our limits are small (5 to 100), so the log
/// is at most a few hundred bytes per subject, and in exchange it is exact. The counter approximation
/// assumes the previous bucket's actions were spread evenly, so it can let a burst straddling the bucket
/// boundary through or refuse too early, and it can only estimate when the next slot frees up. The log
/// knows: <see cref="RateLimitDecision.RetryAfter"/> is exactly when the oldest action stops counting,
/// which matters most for login (5 a minute), where an honest Retry-After is what a client waits for.
/// <para>
/// Times are monotonic timestamps (<see cref="TimeProvider.GetTimestamp"/>), not wall-clock time, so an
/// NTP step of the system clock neither frees nor freezes anybody's slots; wall-clock time is only used to
/// express <see cref="RateLimitDecision.ResetAt"/>. Not thread-safe: a grain's turns are its only callers.
/// </para>
/// </remarks>
public sealed class SlidingWindow(TimeProvider clock)
{
    // A Queue is a ring buffer underneath: it holds at most the largest limit ever applied.
    private readonly Queue<long> _hits = new();
    private long _newest;

    /// <summary>Counts one action now if fewer than <see cref="RateLimitPolicy.Limit"/> count within its window.</summary>
    public RateLimitDecision TryAcquire(RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policy.Limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.Window, TimeSpan.Zero);

        var now = clock.GetTimestamp();
        var utcNow = clock.GetUtcNow();
        Expire(now, policy.Window);

        // Counting only what is allowed keeps a refused client's wait bounded: hammering does not extend it.
        // (If the limit was lowered, more than it may still count; they simply expire.)
        var allowed = _hits.Count < policy.Limit;
        if (allowed)
        {
            _hits.Enqueue(now);
            _newest = now;
        }

        var untilOldestExpires = policy.Window - clock.GetElapsedTime(_hits.Peek(), now);
        return new RateLimitDecision(
            allowed,
            policy.Limit,
            Remaining: Math.Max(0, policy.Limit - _hits.Count),
            ResetAt: utcNow + untilOldestExpires,
            RetryAfter: allowed ? null : untilOldestExpires,
            Ticket: allowed ? now : 0);
    }

    /// <summary>Forgets the action counted at <paramref name="ticket"/> (its timestamp), if it still counts.</summary>
    public void Refund(long ticket)
    {
        if (ticket == 0 || !_hits.Contains(ticket))
        {
            return;
        }

        // At most a limit's worth of entries: rebuilding is simpler than a structure that removes from the middle.
        var kept = _hits.ToList();
        kept.Remove(ticket);
        _hits.Clear();
        foreach (var hit in kept)
        {
            _hits.Enqueue(hit);
        }
    }

    /// <summary>
    /// How long until no recorded action counts any more under <paramref name="window"/>: until then, losing
    /// this log would let the subject start over early; after it, a fresh, empty log is exactly equivalent.
    /// </summary>
    public TimeSpan TimeUntilEmpty(TimeSpan window)
    {
        var now = clock.GetTimestamp();
        Expire(now, window);
        return _hits.Count == 0 ? TimeSpan.Zero : window - clock.GetElapsedTime(_newest, now);
    }

    private void Expire(long now, TimeSpan window)
    {
        while (_hits.TryPeek(out var oldest) && clock.GetElapsedTime(oldest, now) >= window)
        {
            _hits.Dequeue();
        }
    }
}
