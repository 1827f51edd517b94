using Instagram.Grains.Paging;

namespace Instagram.Grains.Posts;

/// <summary>A user's lists of posts — the profile grid and the saved collection — paged from the database, keyed by user ID.</summary>
[Alias("ig.IUserPostsGrain")]
public interface IUserPostsGrain : IGrainWithIntegerKey
{
    /// <summary>The user's published posts, newest first.</summary>
    [AlwaysInterleave]
    [Alias("Published")]
    Task<Page<long>> PublishedAsync(PageCursor? after, int limit);

    /// <summary>Posts the user saved, most recently saved first.</summary>
    [AlwaysInterleave]
    [Alias("Saved")]
    Task<Page<long>> SavedAsync(PageCursor? after, int limit);
}
