namespace Instagram.Grains.Users;

/// <summary>The users table, as user grains need it. Usernames and emails are unique regardless of case.</summary>
public interface IUserStore
{
    /// <summary>The user's profile and password hash, or null.</summary>
    Task<(UserProfile Profile, string PasswordHash)?> FindAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Inserts the account unless its username or email is taken.</summary>
    Task<RegistrationOutcome> InsertAsync(long userId, NewAccount account, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task UpdateProfileAsync(long userId, ProfileChanges changes, CancellationToken cancellationToken);

    /// <summary>Followers, following and posts as they are now.</summary>
    Task<(long Followers, long Following, long Posts)> ReadCountersAsync(long userId, CancellationToken cancellationToken);

    /// <summary>The user with this lookup key (<see cref="IUserLookupGrain.UsernameKey"/> or <see cref="IUserLookupGrain.EmailKey"/>), or null.</summary>
    Task<long?> FindIdAsync(string lookupKey, CancellationToken cancellationToken);
}
