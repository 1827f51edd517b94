namespace Runtime.TestGrains;

/// <summary>A message that carries a grain reference.</summary>
public sealed record RelayOrder(ICounterGrain Target, int Increments);

/// <summary>Calls the grain it is handed: grain references travel inside messages.</summary>
public interface IRelayGrain : IGrainWithGuidKey
{
    Task<int> RelayAsync(RelayOrder order);

    Task<ICounterGrain> GetLastTargetAsync();
}

public sealed class RelayGrain : Grain, IRelayGrain
{
    private ICounterGrain? _lastTarget;

    public async Task<int> RelayAsync(RelayOrder order)
    {
        _lastTarget = order.Target;
        var count = 0;
        for (var i = 0; i < order.Increments; i++)
        {
            count = await order.Target.IncrementAsync();
        }

        return count;
    }

    public Task<ICounterGrain> GetLastTargetAsync() =>
        Task.FromResult(_lastTarget ?? throw new InvalidOperationException("Nothing relayed yet."));
}
