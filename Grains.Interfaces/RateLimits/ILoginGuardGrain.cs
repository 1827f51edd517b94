namespace Instagram.Grains.RateLimits;

/// <summary>
/// Guards one account against password guessing, keyed by <see cref="LoginGuardKey"/>: failed attempts are
/// limited per address, and attempts from addresses the account has never logged in from share a slower
/// ceiling. The owner is never locked out by strangers: another address's failures do not count against
/// theirs, and the ceiling does not apply where they have logged in before.
/// </summary>
[Alias("ig.ILoginGuardGrain")]
public interface ILoginGuardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts one attempt from <paramref name="address"/> (a <c>RateLimitSubject</c>) if the limits allow it.
    /// An attempt counts as failed until <see cref="SucceededAsync"/> says otherwise.
    /// </summary>
    [Alias("TryAttempt")]
    Task<LoginAttempt> TryAttemptAsync(string address, LoginPolicy policy);

    /// <summary>The password was right: the attempt no longer counts, and the address is remembered as the owner's.</summary>
    [Alias("Succeeded")]
    Task SucceededAsync(string address, LoginAttempt attempt, LoginPolicy policy);
}

/// <summary>
/// Failed attempts allowed <see cref="PerAddress"/> (from one address, to this account) and
/// <see cref="FromNewAddresses"/> (from all addresses the account has not logged in from, together).
/// </summary>
[GenerateSerializer, Immutable, Alias("ig.LoginPolicy")]
public sealed record LoginPolicy(RateLimitPolicy PerAddress, RateLimitPolicy FromNewAddresses);

/// <summary>The decision to show the client, and what was counted, to take back if the password was right.</summary>
[GenerateSerializer, Immutable, Alias("ig.LoginAttempt")]
public sealed record LoginAttempt(RateLimitDecision Decision, long AddressTicket, long NewAddressTicket);

/// <summary>The one spelling of a login guard's key: an existing account by ID, else the name tried.</summary>
public static class LoginGuardKey
{
    public static string ForAccount(long userId) => $"user:{userId}";

    /// <summary>
    /// A login naming no account is guarded like one, so guessing at names is limited too; by its lower-cased
    /// text, as one account's username and email are the same account only once it exists.
    /// </summary>
    public static string ForUnknown(string login) => $"name:{login.Trim().ToLowerInvariant()}";
}
