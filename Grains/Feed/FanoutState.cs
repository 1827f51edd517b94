namespace Instagram.Grains.Feed;

/// <summary>How an author's last post reached followers, to notice the author crossing the celebrity threshold.</summary>
public sealed class FanoutState
{
    public bool LastPulled { get; set; }
}
