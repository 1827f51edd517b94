using Instagram.Grains.Paging;

namespace Instagram.Grains.Users;

/// <summary>A user in a list (followers, following, follow requests).</summary>
[GenerateSerializer, Immutable, Alias("ig.UserSummary")]
public sealed record UserSummary(long UserId, string Username, string DisplayName, long? AvatarMediaId);

/// <summary>
/// One user, keyed by user ID: profile, counters, privacy, and the user's side of the follow graph. The
/// grain of the user who acts owns the change (its follow, its block, its approval), and the edge and both
/// users' counters change in one transaction, so the graph is strongly consistent. Lists are paged from the
/// database, never held whole here.
/// </summary>
[Alias("ig.IUserGrain")]
public interface IUserGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task<RegistrationOutcome> RegisterAsync(NewAccount account);

    /// <summary>The profile, or null if there is no such user.</summary>
    [AlwaysInterleave]
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The profile as <paramref name="viewerId"/> sees it; null if there is no such user or either blocked the other.</summary>
    [AlwaysInterleave]
    [Alias("GetProfileFor")]
    Task<ProfileView?> GetProfileForAsync(long viewerId);

    /// <summary>The stored password hash, for login; null if there is no such user.</summary>
    [AlwaysInterleave]
    [Alias("GetPasswordHash")]
    Task<string?> GetPasswordHashAsync();

    [Alias("UpdateProfile")]
    Task<UserProfile?> UpdateProfileAsync(ProfileChanges changes);

    /// <summary>This user follows <paramref name="targetId"/>, or asks to if the target is private. Repeating it is a no-op.</summary>
    [Alias("Follow")]
    Task<FollowResult> FollowAsync(long targetId);

    /// <summary>This user stops following (or withdraws a request to follow) <paramref name="targetId"/>.</summary>
    [Alias("Unfollow")]
    Task<FollowResult> UnfollowAsync(long targetId);

    /// <summary>This (private) user accepts <paramref name="requesterId"/>'s request. False if there was none.</summary>
    [Alias("ApproveFollower")]
    Task<bool> ApproveFollowerAsync(long requesterId);

    /// <summary>This user turns down <paramref name="requesterId"/>'s request. False if there was none.</summary>
    [Alias("DenyFollower")]
    Task<bool> DenyFollowerAsync(long requesterId);

    /// <summary>This user blocks <paramref name="targetId"/>: follows both ways and pending requests are removed.</summary>
    [Alias("Block")]
    Task<GraphOutcome> BlockAsync(long targetId);

    [Alias("Unblock")]
    Task<GraphOutcome> UnblockAsync(long targetId);

    /// <summary>Another user's graph change altered this user's counters: reload them (they are in the database).</summary>
    [OneWay]
    [Alias("CountersChanged")]
    Task CountersChangedAsync();

    /// <summary>Whether <paramref name="viewerId"/> may see this user's followers, following and posts.</summary>
    [AlwaysInterleave]
    [Alias("CanSeeContent")]
    Task<bool> CanSeeContentAsync(long viewerId);

    [AlwaysInterleave]
    [Alias("GetFollowers")]
    Task<Page<UserSummary>> GetFollowersAsync(PageCursor? after, int limit);

    [AlwaysInterleave]
    [Alias("GetFollowing")]
    Task<Page<UserSummary>> GetFollowingAsync(PageCursor? after, int limit);

    [AlwaysInterleave]
    [Alias("GetFollowRequests")]
    Task<Page<UserSummary>> GetFollowRequestsAsync(PageCursor? after, int limit);
}

/// <summary>Finds a user ID by username or email (an index entry per key, cached once found).</summary>
[Alias("ig.IUserLookupGrain")]
public interface IUserLookupGrain : IGrainWithStringKey
{
    /// <summary>The user ID, or null if nobody has this username or email (not cached: it may be registered next).</summary>
    [Alias("Find")]
    Task<long?> FindAsync();

    public static string UsernameKey(string username) => "username:" + username.ToLowerInvariant();

    public static string EmailKey(string email) => "email:" + email.ToLowerInvariant();
}
