namespace Grains.Benchmarks.Measuring;

/// <summary>
/// The window of a run whose loops start before it is known: until <see cref="Open"/> they only warm up.
/// Lets several calling grains all be calling before a window is chosen, so none misses it.
/// </summary>
internal sealed class PendingWindow
{
    private LoadWindow? _window;

    public PendingWindow(LoadWindow? window = null) => _window = window;

    public LoadWindow? Current => Volatile.Read(ref _window);

    public void Open(LoadWindow window) => Volatile.Write(ref _window, window);
}
