using Runtime.Invocation;

namespace Runtime.Statistics;

/// <summary>Activation counts of one grain type, and its methods' statistics indexed by <see cref="MethodDescriptor.Index"/>.</summary>
internal sealed class GrainTypeStatistics(string grainType)
{
    private readonly Lock _growLock = new();
    private MethodStatistics?[] _methods = new MethodStatistics?[64];
    private long _active;
    private long _created;
    private long _deactivated;
    private long _failed;

    public string GrainType { get; } = grainType;

    public MethodStatistics ForMethod(MethodDescriptor method)
    {
        var methods = Volatile.Read(ref _methods);
        var index = method.Index;
        if ((uint)index < (uint)methods.Length && methods[index] is { } existing)
        {
            return existing;
        }

        return AddMethod(method);
    }

    public void ActivationCreated()
    {
        Interlocked.Increment(ref _created);
        Interlocked.Increment(ref _active);
    }

    public void ActivationFailed() => Interlocked.Increment(ref _failed);

    public void ActivationRemoved(bool wasActive)
    {
        if (wasActive)
        {
            Interlocked.Increment(ref _deactivated);
        }

        Interlocked.Decrement(ref _active);
    }

    public GrainTypeSnapshot Snapshot()
    {
        var methods = Volatile.Read(ref _methods)
            .OfType<MethodStatistics>()
            .Select(m => m.Snapshot())
            .OrderBy(m => m.Interface, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToList();
        return new GrainTypeSnapshot(
            GrainType,
            Volatile.Read(ref _active),
            Volatile.Read(ref _created),
            Volatile.Read(ref _deactivated),
            Volatile.Read(ref _failed),
            methods);
    }

    private MethodStatistics AddMethod(MethodDescriptor method)
    {
        lock (_growLock)
        {
            var methods = _methods;
            if ((uint)method.Index < (uint)methods.Length && methods[method.Index] is { } existing)
            {
                return existing;
            }

            // Copy-on-write so readers never see a half-grown array.
            var grown = new MethodStatistics?[Math.Max(methods.Length, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)method.Index + 1))];
            Array.Copy(methods, grown, methods.Length);
            var created = new MethodStatistics(GrainType, method.InterfaceName, method.MethodName);
            grown[method.Index] = created;
            Volatile.Write(ref _methods, grown);
            return created;
        }
    }
}
