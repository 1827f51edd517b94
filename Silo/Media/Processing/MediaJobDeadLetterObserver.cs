using Instagram.Grains.Media;
using Runtime;
using Runtime.Streams;

namespace Instagram.Silo.Media.Processing;

/// <summary>A media job that exhausted its attempts fails its media item, so nobody waits on it forever.</summary>
internal sealed class MediaJobDeadLetterObserver(IGrainFactory grains, MediaMetrics metrics) : IStreamDeadLetterObserver
{
    public async Task OnDeadLetteringAsync(StreamId streamId, long sequence, int attempts, string error, CancellationToken cancellationToken)
    {
        var mediaId = GrainKeyFormat.ParseLong(streamId.Key);
        await grains.GetGrain<IMediaGrain>(mediaId).FailAsync($"Processing failed {attempts} times and was given up.").ConfigureAwait(false);
        metrics.DeadLettered();
    }
}
