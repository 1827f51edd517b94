namespace Runtime.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> History { get; set; } = [];
}

/// <summary>A counter kept in grain storage.</summary>
public interface IPersistentCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string?> GetEtagAsync();

    Task ClearAsync();

    /// <summary>Re-reads the state from storage, as after an InconsistentStateException.</summary>
    Task ReloadAsync();

    Task DeactivateAsync();
}

public sealed class PersistentCounterGrain(Probe probe, [PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IPersistentCounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{IdentityString}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{IdentityString}:{reason.Code}");
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        counter.State.History.Add($"+{counter.State.Value}");
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<string?> GetEtagAsync() => Task.FromResult(counter.Etag);

    public Task ClearAsync() => counter.ClearStateAsync();

    public Task ReloadAsync() => counter.ReadStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
