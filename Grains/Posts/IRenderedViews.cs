namespace Instagram.Grains.Posts;

/// <summary>
/// Told, synchronously, that a post or a user changed in a way that renderings of them kept outside their
/// grains show: a post's counters, status or existence; a user's profile (their avatar in every post they
/// wrote). Grains call it after their state changed and before they answer, so whoever saw the answer never
/// gets the old rendering back. The frontend's post cache listens; a silo without one ignores it.
/// </summary>
/// <remarks>
/// Frontend and silo share a process today. Frontends in other processes will need these changes
/// broadcast to them; that comes with the cluster.
/// </remarks>
public interface IRenderedViews
{
    void PostChanged(long postId);

    void UserChanged(long userId);
}

/// <summary>Nobody renders views outside the grains (a silo on its own).</summary>
public sealed class NoRenderedViews : IRenderedViews
{
    public void PostChanged(long postId)
    {
    }

    public void UserChanged(long userId)
    {
    }
}
