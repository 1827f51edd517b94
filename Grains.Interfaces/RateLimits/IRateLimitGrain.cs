namespace Instagram.Grains.RateLimits;

/// <summary>
/// The rate limit of one action for one subject, keyed <c>"{action}:{subject}"</c> (<see cref="RateLimitKey"/>):
/// <c>follow:42</c> for user 42, <c>login:ip:203.0.113.9</c> for a client address. One activation per key in
/// the cluster, so the limit holds whichever frontend the requests arrive at.
/// </summary>
[Alias("ig.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts one action if <paramref name="policy"/> allows it now; a refused attempt is not counted. The
    /// policy travels with each call, so a configuration change applies at the next attempt.
    /// </summary>
    [Alias("TryAcquire")]
    Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy);

    /// <summary>
    /// Takes back the action counted as <paramref name="ticket"/>: the request turned out not to be accepted (a
    /// 4xx, a failure), and only accepted actions count. Unknown or expired tickets change nothing.
    /// </summary>
    [Alias("Refund")]
    Task RefundAsync(RateLimitPolicy policy, long ticket);
}
