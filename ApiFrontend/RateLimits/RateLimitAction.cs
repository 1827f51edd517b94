namespace Instagram.ApiFrontend.RateLimits;

/// <summary>The actions whose rate is limited, each with its own limit in <see cref="RateLimitOptions"/>.</summary>
public enum RateLimitAction
{
    Follow,
    Post,
    Like,
    Comment,

    /// <summary>Every other write (unlike, unfollow, block, uploads, edits, deletions, registration …): one budget, so every write carries the headers.</summary>
    Write,

    /// <summary>Login attempts, limited per account and per client address (<see cref="RateLimiter.AcquireLoginAsync"/>).</summary>
    Login,
}
