using System.Collections.Concurrent;

namespace Silo.Tests.TestGrains;

/// <summary>Watches its own turns: how many requests are inside the grain at once.</summary>
[Alias("test.ITurnProbeGrain")]
public interface ITurnProbeGrain : IGrainWithGuidKey
{
    /// <summary>Enters, yields the thread twice (where another request could slip in), leaves.</summary>
    [Alias("Enter")]
    Task EnterAsync();

    /// <summary>Enters and waits, inside, until the test opens <see cref="TurnProbeGrain.Gates"/> for this grain.</summary>
    [Alias("Hold")]
    Task HoldAsync();

    /// <summary>The most requests seen inside at once.</summary>
    [Alias("MaxInside")]
    Task<int> MaxInsideAsync();

    /// <summary>Requests inside now; interleaves with everything, as the product's status reads do.</summary>
    [AlwaysInterleave]
    [Alias("Inside")]
    Task<int> InsideAsync();
}

[GrainType("test-turn-probe")]
public sealed class TurnProbeGrain : Grain, ITurnProbeGrain
{
    /// <summary>The gate each held request waits for, by grain key (the test and the grain share a process).</summary>
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Gates = new();

    private int _inside;
    private int _maxInside;

    public async Task EnterAsync()
    {
        Enter();
        await Task.Yield();
        await Task.Delay(1);
        _inside--;
    }

    public async Task HoldAsync()
    {
        Enter();
        await Gates.GetOrAdd(this.GetPrimaryKey(), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        _inside--;
    }

    public Task<int> MaxInsideAsync() => Task.FromResult(_maxInside);

    public Task<int> InsideAsync() => Task.FromResult(_inside);

    private void Enter() => _maxInside = Math.Max(_maxInside, ++_inside);
}
