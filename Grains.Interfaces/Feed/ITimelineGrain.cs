using System.Collections.Immutable;
using Instagram.Grains.Paging;

namespace Instagram.Grains.Feed;

/// <summary>
/// One user's home feed: the post IDs pushed by the (non-celebrity) authors they follow, at most
/// <see cref="FeedSettings.TimelineCapacity"/>, merged on read with the outboxes of the celebrities they
/// follow. Rebuilt from the follow graph if its stored state is lost.
/// </summary>
public interface ITimelineGrain : IGrainWithIntegerKey
{
    /// <summary>Adds entries (idempotent: an entry already there is not added twice).</summary>
    Task AddAsync(ImmutableArray<FeedEntry> entries);

    /// <summary>The owner followed <paramref name="authorId"/>: bring in that author's recent posts.</summary>
    Task BackfillAsync(long authorId);

    /// <summary>The owner unfollowed or blocked <paramref name="authorId"/> (or was blocked): drop that author's posts.</summary>
    Task RemoveAuthorAsync(long authorId);

    /// <summary>A page of the merged feed, newest first, strictly after <paramref name="after"/>.</summary>
    [AlwaysInterleave]
    Task<Page<FeedEntry>> GetPageAsync(PageCursor? after, int limit);
}

/// <summary>The recent posts of one celebrity author, pulled by every follower's timeline on read instead of pushed.</summary>
public interface ICelebrityOutboxGrain : IGrainWithIntegerKey
{
    Task AddAsync(FeedEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries with IDs below <paramref name="before"/>, newest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<FeedEntry>> GetBeforeAsync(long before, int limit);
}
