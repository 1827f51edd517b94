using Instagram.Grains.Posts;
using Instagram.Silo.Hosting;

namespace Instagram.Silo.Posts;

/// <summary>Posts still processing, or published and not yet handed to the fan-out.</summary>
internal sealed class UnsettledPosts(RelationalPostStore posts) : IUnfinishedWork
{
    public async Task<IReadOnlyList<GrainId>> FindAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        [.. (await posts.UnsettledAsync(cancellationToken).ConfigureAwait(false)).Select(id => grains.GetGrain<IPostGrain>(id).GetGrainId())];
}
