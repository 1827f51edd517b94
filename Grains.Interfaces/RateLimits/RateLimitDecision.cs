namespace Instagram.Grains.RateLimits;

/// <summary>At most <see cref="Limit"/> actions in any period of length <see cref="Window"/>.</summary>
[GenerateSerializer, Immutable, Alias("ig.RateLimitPolicy")]
public sealed record RateLimitPolicy(int Limit, TimeSpan Window);

/// <summary>
/// The answer to one attempt. <see cref="ResetAt"/> is when the oldest counted action leaves the window, the
/// next moment <see cref="Remaining"/> grows; for a refusal it is also when a retry can succeed
/// (<see cref="RetryAfter"/> from now). <see cref="Ticket"/> names the counted action, to take it back if the
/// request it was counted for is refused after all (0 when nothing was counted).
/// </summary>
[GenerateSerializer, Immutable, Alias("ig.RateLimitDecision")]
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan? RetryAfter, long Ticket = 0);
