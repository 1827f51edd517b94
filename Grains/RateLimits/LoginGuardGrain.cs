using Instagram.Grains.DurableWork;

namespace Instagram.Grains.RateLimits;

/// <summary>
/// One account's guard against guessing. Failed attempts are counted in memory, in sliding windows like
/// <see cref="RateLimitGrain"/>'s (and lost the same way, at worst doubling one window's allowance); the
/// addresses the owner logged in from are durable (<see cref="KnownAddresses"/>).
/// </summary>
/// <remarks>
/// Why this shape: a limit per account alone lets any stranger lock the owner out by failing five times; a
/// limit per address alone lets a botnet guess without bound. Per account-and-address keeps each guesser
/// slow and leaves the owner's address untouched; the ceiling over new addresses bounds a distributed
/// attack (NIST SP 800-63B asks for at most 100 consecutive failures), and cannot lock the owner out
/// where they have logged in before. An owner on a new address during such an attack waits for the window.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
[GrainType("login-guard")]
public sealed class LoginGuardGrain(
    [PersistentState("addresses")] IPersistentState<KnownAddresses> known,
    TimeProvider clock) : Grain, ILoginGuardGrain
{
    private readonly Dictionary<string, SlidingWindow> _perAddress = new(StringComparer.Ordinal);
    private readonly SlidingWindow _fromNewAddresses = new(clock);

    public Task<LoginAttempt> TryAttemptAsync(string address, LoginPolicy policy)
    {
        var window = WindowOf(address);
        var fromAddress = window.TryAcquire(policy.PerAddress);
        if (!fromAddress.Allowed || known.State.Knows(address, clock.GetUtcNow()))
        {
            return Answer(new LoginAttempt(fromAddress, fromAddress.Ticket, 0), policy);
        }

        var fromNew = _fromNewAddresses.TryAcquire(policy.FromNewAddresses);
        if (!fromNew.Allowed)
        {
            window.Refund(fromAddress.Ticket); // refused before the password was tried: nothing was guessed
            return Answer(new LoginAttempt(fromNew, 0, 0), policy);
        }

        var tighter = fromNew.Remaining < fromAddress.Remaining ? fromNew : fromAddress;
        return Answer(new LoginAttempt(tighter, fromAddress.Ticket, fromNew.Ticket), policy);
    }

    public async Task SucceededAsync(string address, LoginAttempt attempt, LoginPolicy policy)
    {
        WindowOf(address).Refund(attempt.AddressTicket);
        _fromNewAddresses.Refund(attempt.NewAddressTicket);
        ForgetEmptyWindows(policy);
        if (known.State.Remember(address, clock.GetUtcNow()))
        {
            await this.DeactivateOnFailureAsync(() => known.WriteStateAsync());
        }
    }

    private SlidingWindow WindowOf(string address)
    {
        if (!_perAddress.TryGetValue(address, out var window))
        {
            window = new SlidingWindow(clock);
            _perAddress[address] = window;
        }

        return window;
    }

    private Task<LoginAttempt> Answer(LoginAttempt attempt, LoginPolicy policy)
    {
        ForgetEmptyWindows(policy);
        return Task.FromResult(attempt);
    }

    /// <summary>
    /// Drops the windows nothing counts in any more (so a botnet's addresses do not pile up) and keeps the
    /// activation until the last counted failure has left its window, as <see cref="RateLimitGrain"/> does.
    /// </summary>
    private void ForgetEmptyWindows(LoginPolicy policy)
    {
        var keepFor = _fromNewAddresses.TimeUntilEmpty(policy.FromNewAddresses.Window);
        foreach (var (address, window) in _perAddress.ToList())
        {
            var left = window.TimeUntilEmpty(policy.PerAddress.Window);
            if (left == TimeSpan.Zero)
            {
                _perAddress.Remove(address);
            }
            else if (left > keepFor)
            {
                keepFor = left;
            }
        }

        DelayDeactivation(keepFor);
    }
}
