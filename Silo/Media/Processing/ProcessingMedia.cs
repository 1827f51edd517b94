using Instagram.Grains.Media;
using Instagram.Silo.Hosting;
using Instagram.Silo.Media.Catalog;

namespace Instagram.Silo.Media.Processing;

/// <summary>Media still processing: each row is a job.</summary>
internal sealed class ProcessingMedia(RelationalMediaCatalog catalog) : IUnfinishedWork
{
    public async Task<IReadOnlyList<GrainId>> FindAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        [.. (await catalog.ProcessingAsync(cancellationToken).ConfigureAwait(false)).Select(id => grains.GetGrain<IMediaGrain>(id).GetGrainId())];
}
