namespace Instagram.Grains.Feed;

/// <summary>A timeline as stored: its pushed entries, newest first. Absent (no record) means "rebuild from the graph".</summary>
public sealed class TimelineState
{
    public List<FeedEntry> Entries { get; set; } = [];

    /// <summary>
    /// Authors whose posts were taken out (unfollowed, or a block either way), with when. A fan-out that read
    /// its follower batch just before the change may still push one of their posts afterwards; it is refused
    /// until the owner follows the author again, or until the mark is older than any push in flight can be.
    /// </summary>
    public Dictionary<long, DateTimeOffset> RemovedAuthors { get; set; } = [];
}
