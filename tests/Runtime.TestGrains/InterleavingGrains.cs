namespace Runtime.TestGrains;

/// <summary>Methods that wait for each other, which only works if they may interleave.</summary>
public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Waits until <see cref="ReleaseAsync"/> has been called on the same activation.</summary>
    Task<string> WaitForReleaseAsync();

    Task ReleaseAsync();
}

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private readonly TaskCompletionSource<string> _released = new();

    public Task<string> WaitForReleaseAsync() => _released.Task;

    public Task ReleaseAsync()
    {
        _released.TrySetResult("released");
        return Task.CompletedTask;
    }
}

/// <summary>A non-reentrant grain with read-only and always-interleave methods.</summary>
public interface IInterleavingGrain : IGrainWithStringKey
{
    /// <summary>Records entry, then waits for the probe gate.</summary>
    [ReadOnly]
    Task ReadAsync(string name, string gate);

    [AlwaysInterleave]
    Task<int> PeekAsync();

    Task WriteAsync(string name);
}

public sealed class InterleavingGrain(Probe probe) : Grain, IInterleavingGrain
{
    private int _writes;

    public async Task ReadAsync(string name, string gate)
    {
        probe.Record($"read-start:{name}");
        await probe.Gate(gate);
        probe.Record($"read-end:{name}");
    }

    public Task<int> PeekAsync() => Task.FromResult(_writes);

    public Task WriteAsync(string name)
    {
        probe.Record($"write:{name}");
        _writes++;
        return Task.CompletedTask;
    }
}

/// <summary>One-way calls: the caller does not wait, and hears of no failure.</summary>
public interface IOneWayGrain : IGrainWithStringKey
{
    [OneWay]
    Task RecordAfterGateAsync(string value, string gate);

    [OneWay]
    Task FailAsync();

    Task<IReadOnlyList<string>> GetRecordedAsync();
}

public sealed class OneWayGrain(Probe probe) : Grain, IOneWayGrain
{
    private readonly List<string> _recorded = [];

    public async Task RecordAfterGateAsync(string value, string gate)
    {
        await probe.Gate(gate);
        _recorded.Add(value);
    }

    public Task FailAsync() => throw new GrainTestException("one-way failure");

    public Task<IReadOnlyList<string>> GetRecordedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _recorded]);
}
