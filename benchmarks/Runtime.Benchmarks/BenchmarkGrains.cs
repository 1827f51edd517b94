namespace Runtime.Benchmarks;

/// <summary>The smallest useful grain call: an integer in, an integer out.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> PingAsync(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value) => Task.FromResult(value + ++_calls - _calls);
}

/// <summary>The same work as <see cref="PingGrain"/> behind the same interface, without the runtime.</summary>
public sealed class DirectPing : IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value) => Task.FromResult(value + ++_calls - _calls);
}

public sealed class CounterState
{
    public long Value { get; set; }
}

/// <summary>Writes its state on every call: measures storage throughput through the runtime.</summary>
public interface IWriterGrain : IGrainWithIntegerKey
{
    Task WriteAsync();
}

public sealed class WriterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IWriterGrain
{
    public Task WriteAsync()
    {
        state.State.Value++;
        return state.WriteStateAsync();
    }
}
