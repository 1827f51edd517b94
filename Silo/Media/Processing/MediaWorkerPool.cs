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

    /// <summary>Waits for a free worker; the worker is held until the returned lease is disposed.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
