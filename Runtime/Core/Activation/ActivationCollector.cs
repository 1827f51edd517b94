namespace Runtime.Activation;

/// <summary>
/// Every collection quantum, asks activations idle longer than their collection age to deactivate.
/// Each activation re-checks on its own thread, so one that became busy meanwhile stays.
/// </summary>
internal sealed class ActivationCollector(Catalog catalog, TimeProvider timeProvider, TimeSpan quantum) : IDisposable
{
    private ITimer? _timer;

    public void Start() => _timer = timeProvider.CreateTimer(static state => ((ActivationCollector)state!).Collect(), this, quantum, quantum);

    public void Dispose() => _timer?.Dispose();

    internal void Collect()
    {
        var now = timeProvider.GetTimestamp();
        foreach (var activation in catalog.Activations)
        {
            if (activation.IsCollectionCandidate(now))
            {
                activation.EnqueueCollectIfIdle();
            }
        }
    }
}
