namespace Instagram.ApiFrontend.RateLimits;

/// <summary>The actions whose rate is limited, each with its own limit in <see cref="RateLimitOptions"/>.</summary>
public enum RateLimitAction
{
    Follow,
    Post,
    Like,
    Comment,

    /// <summary>Login attempts, limited per account and per client address (<see cref="RateLimiter.AcquireLoginAsync"/>).</summary>
    Login,
}
