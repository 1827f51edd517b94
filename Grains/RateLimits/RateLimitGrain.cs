namespace Instagram.Grains.RateLimits;

/// <summary>
/// One subject's sliding log for one action, held in memory only.
/// </summary>
/// <remarks>
/// Not persisted, on purpose. Limits are soft protection against abuse, not accounting: losing a log to a
/// crash at worst lets one subject act up to twice its limit within one window. Persisting would add a
/// durable write to every like, comment and follow (the hottest writes we have) to protect that.
/// <para>
/// What must not happen is losing the log in ordinary operation, so the grain keeps itself activated until
/// its newest action has left the window (<see cref="Grain.DelayDeactivation"/>); idle collection can only
/// take it after that, when a fresh activation's empty log is exactly equivalent. The short collection age
/// then lets it go two minutes later (the shortest Orleans allows: above its one-minute collection
/// quantum), so an idle subject costs nothing for long. A graceful shutdown or a crash still loses logs:
/// see docs/rate-limits.md.
/// </para>
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
[GrainType("rate-limit")]
public sealed class RateLimitGrain(TimeProvider clock) : Grain, IRateLimitGrain
{
    private readonly SlidingWindow _window = new(clock);

    public Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy)
    {
        var decision = _window.TryAcquire(policy);
        DelayDeactivation(_window.TimeUntilEmpty(policy.Window));
        return Task.FromResult(decision);
    }

    public Task RefundAsync(RateLimitPolicy policy, long ticket)
    {
        _window.Refund(ticket);
        return Task.CompletedTask;
    }
}
