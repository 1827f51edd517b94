using System.Collections.Immutable;

namespace Instagram.Grains.Feed;

/// <summary>The queries feed grains make of the graph and the posts (the truth their in-memory state derives from).</summary>
public interface IFeedStore
{
    Task<long> FollowerCountAsync(long authorId, CancellationToken cancellationToken);

    /// <summary>Follower IDs greater than <paramref name="after"/>, ascending: the fan-out's batches.</summary>
    Task<ImmutableArray<long>> FollowerIdsAsync(long authorId, long after, int limit, CancellationToken cancellationToken);

    /// <summary>An author's most recent published posts, newest first.</summary>
    Task<ImmutableArray<FeedEntry>> RecentPostsAsync(long authorId, int limit, CancellationToken cancellationToken);

    /// <summary>Authors <paramref name="userId"/> follows that have at least <paramref name="threshold"/> followers.</summary>
    Task<ImmutableArray<long>> FollowedCelebritiesAsync(long userId, int threshold, CancellationToken cancellationToken);

    /// <summary>The most recent published posts of everyone <paramref name="userId"/> follows: a lost timeline rebuilt.</summary>
    Task<ImmutableArray<FeedEntry>> RecentPostsOfFolloweesAsync(long userId, int limit, CancellationToken cancellationToken);
}
