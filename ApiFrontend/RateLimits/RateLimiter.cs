using System.Net;
using Instagram.Grains.RateLimits;
using Microsoft.Extensions.Options;
using Orleans;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>
/// Asks the rate limit grains whether an action may happen now, counting it if so. Used by the endpoint filter
/// (<see cref="RateLimitApi.RequireRateLimit"/>) and directly by handlers that learn the subject only from the
/// body, such as login.
/// </summary>
/// <remarks>
/// A grain that does not answer fails the request (503, as for any dependency) rather than letting the action
/// through unlimited: in embedded mode the grain lives in the silo the action itself needs anyway.
/// </remarks>
public sealed class RateLimiter(IGrainFactory grains, IOptions<RateLimitOptions> options)
{
    /// <summary>Counts one <paramref name="action"/> by <paramref name="subject"/> (<see cref="RateLimitSubject"/>) if its limit allows it.</summary>
    public Task<RateLimitDecision> AcquireAsync(RateLimitAction action, string subject)
    {
        var policy = options.Value.RuleFor(action).ToPolicy();
        var key = RateLimitKey.For(action.ToString().ToLowerInvariant(), subject);
        return grains.GetGrain<IRateLimitGrain>(key).TryAcquireAsync(policy);
    }

    /// <summary>Takes back an action counted by <see cref="AcquireAsync"/> whose request was not accepted.</summary>
    public Task RefundAsync(RateLimitAction action, string subject, RateLimitDecision decision)
    {
        var policy = options.Value.RuleFor(action).ToPolicy();
        var key = RateLimitKey.For(action.ToString().ToLowerInvariant(), subject);
        return grains.GetGrain<IRateLimitGrain>(key).RefundAsync(policy, decision.Ticket);
    }

    /// <summary>
    /// Counts one login attempt against both the client's address (spraying passwords over many accounts) and the
    /// account named (guessing one account's password from many addresses). Refused if either limit is reached.
    /// </summary>
    /// <remarks>
    /// The address is asked first, and a refusal there does not count against the account: otherwise one client
    /// could keep anyone's account locked out just by trying it. An attempt refused by the account still counted
    /// against the address, as it was made.
    /// </remarks>
    public async Task<RateLimitDecision> AcquireLoginAsync(string account, IPAddress? client)
    {
        var byAddress = await AcquireAsync(RateLimitAction.Login, RateLimitSubject.Address(client));
        if (!byAddress.Allowed)
        {
            return byAddress;
        }

        var byAccount = await AcquireAsync(RateLimitAction.Login, RateLimitSubject.Account(account));
        return !byAccount.Allowed || byAccount.Remaining < byAddress.Remaining ? byAccount : byAddress;
    }
}
