using Instagram.Grains.RateLimits;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>
/// How often each action may happen (configuration section <c>RateLimits</c>, e.g.
/// <c>RateLimits:Follow:Limit = 30</c>, <c>RateLimits:Follow:Window = 01:00:00</c>). Per user, except
/// registration (per client address) and login (see <see cref="RateLimiter.AcquireLoginAsync"/>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Follows (and follow requests). Default 30 per hour.</summary>
    public RateLimitRule Follow { get; set; } = new() { Limit = 30, Window = TimeSpan.FromHours(1) };

    /// <summary>New posts. Default 10 per hour.</summary>
    public RateLimitRule Post { get; set; } = new() { Limit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Likes. Default 100 per hour.</summary>
    public RateLimitRule Like { get; set; } = new() { Limit = 100, Window = TimeSpan.FromHours(1) };

    /// <summary>Comments. Default 50 per hour.</summary>
    public RateLimitRule Comment { get; set; } = new() { Limit = 50, Window = TimeSpan.FromHours(1) };

    /// <summary>Writes without a limit of their own, together. Default 300 per hour.</summary>
    public RateLimitRule Write { get; set; } = new() { Limit = 300, Window = TimeSpan.FromHours(1) };

    /// <summary>Registrations per client address, a taken name or email included. Default 20 per hour.</summary>
    public RateLimitRule Register { get; set; } = new() { Limit = 20, Window = TimeSpan.FromHours(1) };

    /// <summary>Failed logins to one account from one client address. Default 5 per minute.</summary>
    public RateLimitRule Login { get; set; } = new() { Limit = 5, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Failed logins to one account from every address it has not logged in from, together. Default 100 per
    /// hour: NIST SP 800-63B's bound on consecutive failures.
    /// </summary>
    public RateLimitRule LoginFromNewAddresses { get; set; } = new() { Limit = 100, Window = TimeSpan.FromHours(1) };

    /// <summary>Failed logins from one client address, to any accounts (password spraying). Default 30 per minute.</summary>
    public RateLimitRule LoginPerAddress { get; set; } = new() { Limit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule RuleFor(RateLimitAction action) => action switch
    {
        RateLimitAction.Follow => Follow,
        RateLimitAction.Post => Post,
        RateLimitAction.Like => Like,
        RateLimitAction.Comment => Comment,
        RateLimitAction.Write => Write,
        RateLimitAction.Register => Register,
        RateLimitAction.Login => Login,
        RateLimitAction.LoginFromNewAddresses => LoginFromNewAddresses,
        RateLimitAction.LoginPerAddress => LoginPerAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No rate limit is configured for this action."),
    };
}

/// <summary>At most <see cref="Limit"/> actions in any sliding period of <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    /// <summary>
    /// Upper bound of <see cref="Limit"/>. The window keeps one timestamp per counted action in memory, so a
    /// limit in the thousands would be better served by a counter than by this design.
    /// </summary>
    public const int MaxLimit = 10_000;

    /// <summary>
    /// Upper bound of <see cref="Window"/>. A rate limit grain stays activated for a window after its subject's
    /// last action, so windows of days would keep one activation per active subject for days.
    /// </summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>Actions allowed per window; 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; set; }

    /// <summary>Length of the sliding window; more than zero, at most <see cref="MaxWindow"/>.</summary>
    public TimeSpan Window { get; set; }

    public RateLimitPolicy ToPolicy() => new(Limit, Window);
}
