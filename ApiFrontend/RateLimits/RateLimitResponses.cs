using System.Globalization;
using Instagram.ApiFrontend.Hosting;
using Instagram.Grains.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>How a rate limit decision shows in the response (API.md): headers always, 429 problem when refused.</summary>
public static class RateLimitResponses
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    /// <summary>
    /// Sets <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> (Unix seconds) on the response; for a
    /// refusal also <c>Retry-After</c> (seconds), and returns the 429 answer to send. Null when allowed: go on.
    /// </summary>
    /// <remarks>Both times are rounded up, so a client that waits as told is never early.</remarks>
    public static ProblemHttpResult? Answer(HttpResponse response, RateLimitDecision decision, RateLimitAction action)
    {
        response.Headers[LimitHeader] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[RemainingHeader] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[ResetHeader] = CeilingSeconds(decision.ResetAt.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            return null;
        }

        var retryAfter = Math.Max(1, CeilingSeconds((long)Math.Ceiling((decision.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds)));
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ApiProblem.TooManyRequests(
            $"Too many {Describe(action)}: the limit is {decision.Limit} in a sliding window. Try again in {retryAfter} s.");
    }

    private static long CeilingSeconds(long milliseconds) => (milliseconds + 999) / 1000;

    private static string Describe(RateLimitAction action) => action switch
    {
        RateLimitAction.Follow => "follows",
        RateLimitAction.Post => "posts",
        RateLimitAction.Like => "likes",
        RateLimitAction.Comment => "comments",
        RateLimitAction.Write => "writes",
        RateLimitAction.Register => "registrations",
        RateLimitAction.Login or RateLimitAction.LoginFromNewAddresses or RateLimitAction.LoginPerAddress => "failed login attempts",
        _ => action.ToString().ToLowerInvariant(),
    };
}
