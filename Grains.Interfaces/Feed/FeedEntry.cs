namespace Instagram.Grains.Feed;

/// <summary>
/// A post in a home feed. Post IDs are time-sortable, so the ID is the entry's score: feeds order by it,
/// and a cursor is simply the last ID seen — new posts get higher IDs and never shift a later page.
/// </summary>
[GenerateSerializer, Immutable, Alias("ig.FeedEntry")]
public sealed record FeedEntry(long PostId, long AuthorId);

/// <summary>Feed settings shared by the feed grains.</summary>
/// <param name="CelebrityThreshold">Authors with at least this many followers are pulled on read instead of pushed. Default 10 000.</param>
/// <param name="TimelineCapacity">Entries a timeline keeps. Default 800.</param>
public sealed record FeedSettings(int CelebrityThreshold = 10_000, int TimelineCapacity = 800);
