namespace Instagram.Grains.RateLimits;

/// <summary>The one spelling of a rate limit grain's key, so every frontend reaches the same grain.</summary>
public static class RateLimitKey
{
    /// <param name="action">The limited action, lower case (<c>follow</c>, <c>login</c>).</param>
    /// <param name="subject">Who is limited: a user ID, <c>ip:…</c> or <c>account:…</c>.</param>
    public static string For(string action, string subject) => $"{action}:{subject}";
}
