using Instagram.Grains.Paging;

namespace Instagram.Grains.Posts;

/// <summary>Pages a user's post lists straight from the database: they can be long, and are never held here.</summary>
[GrainType("user-posts")]
public sealed class UserPostsGrain(IPostStore posts) : Grain, IUserPostsGrain
{
    public Task<Page<long>> PublishedAsync(PageCursor? after, int limit) => posts.PublishedByAsync(this.GetPrimaryKeyLong(), after, limit, CancellationToken.None);

    public Task<Page<long>> SavedAsync(PageCursor? after, int limit) => posts.SavedByAsync(this.GetPrimaryKeyLong(), after, limit, CancellationToken.None);
}
