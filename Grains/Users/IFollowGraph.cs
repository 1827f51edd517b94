using Instagram.Grains.Paging;

namespace Instagram.Grains.Users;

/// <summary>
/// The follow graph's tables: edges, requests to follow private users, blocks. Every change runs in one
/// transaction that locks both users' rows first (in ID order), so concurrent changes between the same two
/// users — a follow racing a block, say — serialise, and the edge and both counters always agree.
/// </summary>
public interface IFollowGraph
{
    /// <summary>
    /// Follows, or requests to follow a private target. No-op when already following or requested. Null
    /// when the target does not exist or either user blocks the other.
    /// </summary>
    Task<FollowState?> FollowAsync(long followerId, long targetId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the edge (and any pending request). Null when the target does not exist or either user blocks the other.</summary>
    Task<FollowState?> UnfollowAsync(long followerId, long targetId, CancellationToken cancellationToken);

    /// <summary>Turns a pending request into an edge; false if there was no request.</summary>
    Task<bool> ApproveAsync(long targetId, long requesterId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Drops a pending request; false if there was none.</summary>
    Task<bool> DenyAsync(long targetId, long requesterId, CancellationToken cancellationToken);

    /// <summary>
    /// Blocks, removing follows both ways and pending requests both ways. False if the target does not exist, or
    /// blocks the blocker already (and so does not exist for them).
    /// </summary>
    Task<bool> BlockAsync(long blockerId, long blockedId, DateTimeOffset now, CancellationToken cancellationToken);

    Task UnblockAsync(long blockerId, long blockedId, CancellationToken cancellationToken);

    /// <summary>How <paramref name="viewerId"/> relates to <paramref name="ownerId"/>; null if either blocks the other.</summary>
    Task<Relationship?> RelationshipAsync(long viewerId, long ownerId, CancellationToken cancellationToken);

    Task<Page<UserSummary>> FollowersAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken);

    Task<Page<UserSummary>> FollowingAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken);

    Task<Page<UserSummary>> FollowRequestsAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken);
}
