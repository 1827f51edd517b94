using Instagram.Grains.Paging;

namespace Instagram.Grains.Users;

/// <summary>A user in a list (followers, following, follow requests).</summary>
public sealed record UserSummary(long UserId, string Username, string DisplayName, long? AvatarMediaId);

/// <summary>
/// One user, keyed by user ID: profile, counters, privacy, and the user's side of the follow graph. The
/// grain of the user who acts owns the change (its follow, its block, its approval), and the edge and both
/// users' counters change in one transaction, so the graph is strongly consistent. Lists are paged from the
/// database, never held whole here.
/// </summary>
public interface IUserGrain : IGrainWithIntegerKey
{
    Task<RegistrationOutcome> RegisterAsync(NewAccount account);

    /// <summary>The profile, or null if there is no such user.</summary>
    [AlwaysInterleave]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The profile as <paramref name="viewerId"/> sees it; null if there is no such user or either blocked the other.</summary>
    [AlwaysInterleave]
    Task<ProfileView?> GetProfileForAsync(long viewerId);

    /// <summary>The stored password hash, for login; null if there is no such user.</summary>
    [AlwaysInterleave]
    Task<string?> GetPasswordHashAsync();

    Task<UserProfile?> UpdateProfileAsync(ProfileChanges changes);

    /// <summary>This user follows <paramref name="targetId"/>, or asks to if the target is private. Repeating it is a no-op.</summary>
    Task<FollowResult> FollowAsync(long targetId);

    /// <summary>This user stops following (or withdraws a request to follow) <paramref name="targetId"/>.</summary>
    Task<FollowResult> UnfollowAsync(long targetId);

    /// <summary>This (private) user accepts <paramref name="requesterId"/>'s request. False if there was none.</summary>
    Task<bool> ApproveFollowerAsync(long requesterId);

    /// <summary>This user turns down <paramref name="requesterId"/>'s request. False if there was none.</summary>
    Task<bool> DenyFollowerAsync(long requesterId);

    /// <summary>This user blocks <paramref name="targetId"/>: follows both ways and pending requests are removed.</summary>
    Task<GraphOutcome> BlockAsync(long targetId);

    Task<GraphOutcome> UnblockAsync(long targetId);

    /// <summary>Another user's graph change altered this user's counters: reload them (they are in the database).</summary>
    [OneWay]
    Task CountersChangedAsync();

    /// <summary>Whether <paramref name="viewerId"/> may see this user's followers, following and posts.</summary>
    [AlwaysInterleave]
    Task<bool> CanSeeContentAsync(long viewerId);

    [AlwaysInterleave]
    Task<Page<UserSummary>> GetFollowersAsync(PageCursor? after, int limit);

    [AlwaysInterleave]
    Task<Page<UserSummary>> GetFollowingAsync(PageCursor? after, int limit);

    [AlwaysInterleave]
    Task<Page<UserSummary>> GetFollowRequestsAsync(PageCursor? after, int limit);
}

/// <summary>Finds a user ID by username or email (an index entry per key, cached once found).</summary>
public interface IUserLookupGrain : IGrainWithStringKey
{
    /// <summary>The user ID, or null if nobody has this username or email (not cached: it may be registered next).</summary>
    Task<long?> FindAsync();

    public static string UsernameKey(string username) => "username:" + username.ToLowerInvariant();

    public static string EmailKey(string email) => "email:" + email.ToLowerInvariant();
}
