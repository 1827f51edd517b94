using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Processing;

/// <summary>
/// Bounds how many media jobs run at once in this silo. Decoding and encoding are CPU- and memory-heavy,
/// so jobs beyond <see cref="MediaOptions.Workers"/> wait here (as queued work, not as busy threads)
/// instead of thrashing each other. Many media grains may start an attempt at once; this is the throttle.
/// </summary>
internal sealed class MediaWorkerPool(IOptions<MediaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.Workers, options.Value.Workers);

    public int Busy => options.Value.Workers - _slots.CurrentCount;

    /// <summary>Runs <paramref name="job"/> once a worker is free.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> job, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off the caller's context: the work is long and synchronous in places (libvips).
            return await Task.Run(job, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
