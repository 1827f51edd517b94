namespace Instagram.ApiFrontend.RateLimits;

/// <summary>The actions whose rate is limited, each with its own limit in <see cref="RateLimitOptions"/>.</summary>
public enum RateLimitAction
{
    Follow,
    Post,
    Like,
    Comment,

    /// <summary>Every other write (unlike, unfollow, block, uploads, edits, deletions …): one budget, so every write carries the headers.</summary>
    Write,

    /// <summary>Registrations per client address; a 409 (name or email taken) counts too, so probing for accounts is limited.</summary>
    Register,

    /// <summary>Failed logins to one account from one client address (<see cref="RateLimiter.AcquireLoginAsync"/>).</summary>
    Login,

    /// <summary>Failed logins to one account from all the addresses it has not logged in from, together.</summary>
    LoginFromNewAddresses,

    /// <summary>Failed logins from one client address, to any accounts.</summary>
    LoginPerAddress,
}
