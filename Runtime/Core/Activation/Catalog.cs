using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Runtime.Manifest;
using Runtime.Statistics;

namespace Runtime.Activation;

/// <summary>
/// The silo's directory of activations: at most one per grain id. A grain is activated by the first
/// message addressed to it and leaves the catalog when it deactivates.
/// </summary>
internal sealed class Catalog(SiloRuntime silo, GrainRegistry registry, RuntimeStatistics statistics, TimeSpan defaultCollectionAge)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<string, GrainTypeInfo> _grainTypes = new(StringComparer.Ordinal);
    private volatile bool _acceptingActivations = true;

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    public bool TryGetOrCreate(GrainId grainId, [NotNullWhen(true)] out ActivationData? activation, [NotNullWhen(false)] out Exception? error)
    {
        error = null;
        if (_activations.TryGetValue(grainId, out activation))
        {
            return true;
        }

        if (!_acceptingActivations)
        {
            error = new SiloUnavailableException($"The silo is shutting down and does not activate {grainId}.");
            return false;
        }

        if (!TryGetGrainType(grainId.Type, out var type))
        {
            error = new UnknownGrainTypeException(grainId.Type);
            return false;
        }

        var created = new ActivationData(grainId, type, silo);
        activation = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(activation, created))
        {
            created.Start();

            // Creation raced with shutdown: deactivate it now rather than leave it behind the last snapshot.
            if (!_acceptingActivations)
            {
                created.Deactivate(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."));
            }
        }

        return true;
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    /// <summary>
    /// Stops creating activations and deactivates every existing one. Repeats until the catalog is empty:
    /// an activation created just as creation stopped joins the catalog after the first snapshot.
    /// </summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout, TimeProvider timeProvider)
    {
        _acceptingActivations = false;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        while (!_activations.IsEmpty)
        {
            var pending = _activations.Values.Select(a => a.DeactivateAsync(reason)).ToList();
            await Task.WhenAll(pending).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
    }

    private bool TryGetGrainType(string grainType, [NotNullWhen(true)] out GrainTypeInfo? info)
    {
        if (_grainTypes.TryGetValue(grainType, out info))
        {
            return true;
        }

        if (!registry.TryGetGrainClass(grainType, out var grainClass))
        {
            return false;
        }

        info = _grainTypes.GetOrAdd(grainType, type => new GrainTypeInfo(type, grainClass, statistics.ForGrainType(type), defaultCollectionAge));
        return true;
    }
}
