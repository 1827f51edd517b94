namespace Runtime.TestGrains;

/// <summary>A plain, non-reentrant grain: turns must never overlap.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    /// <summary>Increments across an await, recording how many turns were inside at once.</summary>
    Task<int> SlowIncrementAsync();

    Task<int> GetMaxConcurrentTurnsAsync();

    Task<int> GetCountAsync();

    /// <summary>Logs start and end around waiting for the probe gate <paramref name="gate"/>.</summary>
    Task WaitForGateAsync(string name, string gate);

    Task OpenGateAsync(string gate);

    Task ThrowAsync(string message);

    Task ThrowSynchronouslyAsync(string message);

    /// <summary>Never completes until the probe gate "hang" opens.</summary>
    Task HangAsync();

    Task DeactivateAsync();
}

public sealed class CounterGrain(Probe probe) : Grain, ICounterGrain
{
    private int _count;
    private int _insideTurn;
    private int _maxInsideTurn;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{IdentityString}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{IdentityString}");
        return Task.CompletedTask;
    }

    public Task<int> IncrementAsync() => Task.FromResult(++_count);

    public async Task<int> SlowIncrementAsync()
    {
        // Not Interlocked on purpose: if two turns ever overlapped, this is where it would show.
        _insideTurn++;
        _maxInsideTurn = Math.Max(_maxInsideTurn, _insideTurn);
        var before = _count;
        await Task.Yield();
        await Task.Delay(1);
        _count = before + 1;
        _insideTurn--;
        return _count;
    }

    public Task<int> GetMaxConcurrentTurnsAsync() => Task.FromResult(_maxInsideTurn);

    public Task<int> GetCountAsync() => Task.FromResult(_count);

    public async Task WaitForGateAsync(string name, string gate)
    {
        probe.Record($"start:{name}");
        await probe.Gate(gate);
        probe.Record($"end:{name}");
    }

    public Task OpenGateAsync(string gate)
    {
        probe.Open(gate);
        return Task.CompletedTask;
    }

    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new GrainTestException(message);
    }

    public Task ThrowSynchronouslyAsync(string message) => throw new GrainTestException(message);

    public Task HangAsync() => probe.Gate("hang");

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
