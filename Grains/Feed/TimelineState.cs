namespace Instagram.Grains.Feed;

/// <summary>A timeline as stored: its pushed entries, newest first. Absent (no record) means "rebuild from the graph".</summary>
public sealed class TimelineState
{
    public List<FeedEntry> Entries { get; set; } = [];
}
