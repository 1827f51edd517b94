using System.Collections.Immutable;
using Instagram.Grains.Paging;

namespace Instagram.Grains.Feed;

/// <summary>
/// One user's home feed: the post IDs pushed by the (non-celebrity) authors they follow, at most
/// <see cref="FeedSettings.TimelineCapacity"/>, merged on read with the outboxes of the celebrities they
/// follow. Rebuilt from the follow graph if its stored state is lost.
/// </summary>
[Alias("ig.ITimelineGrain")]
public interface ITimelineGrain : IGrainWithIntegerKey
{
    /// <summary>Adds entries (idempotent: an entry already there is not added twice).</summary>
    [Alias("Add")]
    Task AddAsync(ImmutableArray<FeedEntry> entries);

    /// <summary>The owner followed <paramref name="authorId"/>: bring in that author's recent posts.</summary>
    [Alias("Backfill")]
    Task BackfillAsync(long authorId);

    /// <summary>The owner unfollowed or blocked <paramref name="authorId"/> (or was blocked): drop that author's posts.</summary>
    [Alias("RemoveAuthor")]
    Task RemoveAuthorAsync(long authorId);

    /// <summary>A page of the merged feed, newest first, strictly after <paramref name="after"/>.</summary>
    [AlwaysInterleave]
    [Alias("GetPage")]
    Task<Page<FeedEntry>> GetPageAsync(PageCursor? after, int limit);
}

/// <summary>The recent posts of one celebrity author, pulled by every follower's timeline on read instead of pushed.</summary>
[Alias("ig.ICelebrityOutboxGrain")]
public interface ICelebrityOutboxGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task AddAsync(FeedEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries with IDs below <paramref name="before"/>, newest first.</summary>
    [AlwaysInterleave]
    [Alias("GetBefore")]
    Task<ImmutableArray<FeedEntry>> GetBeforeAsync(long before, int limit);
}

/// <summary>
/// Delivers one author's published posts to followers' feeds, keyed by author ID: pushed into each
/// follower's timeline below the celebrity threshold, added to the author's outbox at or above it.
/// </summary>
[Alias("ig.IFanoutGrain")]
public interface IFanoutGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Queues the post for delivery and returns once the queue is stored; delivery follows in the
    /// background, in order, and survives crashes. Idempotent: a post queued or delivered before is
    /// delivered again at most, which feeds ignore.
    /// </summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(FeedEntry post);
}
