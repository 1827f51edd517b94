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
    /// Counts one login attempt as failed — against the client's address over all accounts (password
    /// spraying), and against the account from that address and, from an address the account has not logged in
    /// from, against its ceiling for new addresses (<see cref="ILoginGuardGrain"/>). Refused if any limit is
    /// reached. <paramref name="account"/> is <see cref="LoginGuardKey"/>'s key of the account named.
    /// </summary>
    /// <remarks>
    /// The address is asked first, and a refusal there does not reach the account, so one client cannot use up
    /// anyone's allowance just by trying; an attempt the account refuses still counted against the address, as
    /// it was made. A right password takes the counts back (<see cref="LoginSucceededAsync"/>): only failures count.
    /// </remarks>
    public async Task<LoginCount> AcquireLoginAsync(string account, IPAddress? client)
    {
        var address = RateLimitSubject.Address(client);
        var byAddress = await AcquireAsync(RateLimitAction.LoginPerAddress, address);
        var attempt = byAddress.Allowed ? await grains.GetGrain<ILoginGuardGrain>(account).TryAttemptAsync(address, LoginPolicy()) : null;
        return new LoginCount(account, address, byAddress, attempt);
    }

    /// <summary>The password was right: the attempt was not a failure, so it counts nowhere.</summary>
    public async Task LoginSucceededAsync(LoginCount count)
    {
        await RefundAsync(RateLimitAction.LoginPerAddress, count.Address, count.ByAddress);
        if (count.Attempt is { } attempt)
        {
            await grains.GetGrain<ILoginGuardGrain>(count.Account).SucceededAsync(count.Address, attempt, LoginPolicy());
        }
    }

    private LoginPolicy LoginPolicy() =>
        new(options.Value.RuleFor(RateLimitAction.Login).ToPolicy(), options.Value.RuleFor(RateLimitAction.LoginFromNewAddresses).ToPolicy());
}

/// <summary>
/// One login attempt as counted: against the address, then (if that allowed it) against the account; what to
/// take back if the password was right.
/// </summary>
public sealed record LoginCount(string Account, string Address, RateLimitDecision ByAddress, LoginAttempt? Attempt)
{
    /// <summary>The decision the client is shown: a refusal if there is one, else the tighter allowance.</summary>
    public RateLimitDecision Decision => Attempt?.Decision is { } byAccount && (!byAccount.Allowed || byAccount.Remaining < ByAddress.Remaining)
        ? byAccount
        : ByAddress;
}
