namespace Instagram.Grains.Feed;

/// <summary>An author's fan-out as stored: posts waiting for delivery, and how the last one went out.</summary>
public sealed class FanoutState
{
    /// <summary>Posts queued for delivery, oldest first. A post leaves only once every push has returned.</summary>
    public List<FeedEntry> Pending { get; set; } = [];

    /// <summary>Whether the last post was pulled (the author at or above the threshold): notices the author crossing it.</summary>
    public bool LastPulled { get; set; }
}
