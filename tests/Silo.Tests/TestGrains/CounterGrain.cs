namespace Silo.Tests.TestGrains;

/// <summary>A number kept in grain storage: written on every change.</summary>
[Alias("test.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<long> AddAsync(long amount);

    [Alias("Get")]
    Task<long> GetAsync();
}

public sealed class CounterState
{
    public long Value { get; set; }

    public List<string> History { get; set; } = [];
}

[GrainType("test-counter")]
public sealed class CounterGrain([PersistentState("test-counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<long> AddAsync(long amount)
    {
        counter.State.Value += amount;
        counter.State.History.Add($"+{amount}");
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(counter.State.Value);
}
