namespace Runtime.TestGrains;

/// <summary>An immutable message: passed by reference, never copied.</summary>
public sealed record Greeting(string Text, int Times);

/// <summary>Checks that caller and grain never share a mutable object.</summary>
public interface IIsolationGrain : IGrainWithStringKey
{
    Task StoreAsync(List<string> items);

    Task<List<string>> GetStoredAsync();

    Task<Greeting> EchoAsync(Greeting greeting);

    Task<List<string>> EchoListAsync(List<string> items);
}

public sealed class IsolationGrain : Grain, IIsolationGrain
{
    private List<string> _stored = [];

    public Task StoreAsync(List<string> items)
    {
        _stored = items;
        return Task.CompletedTask;
    }

    public Task<List<string>> GetStoredAsync() => Task.FromResult(_stored);

    public Task<Greeting> EchoAsync(Greeting greeting) => Task.FromResult(greeting);

    public Task<List<string>> EchoListAsync(List<string> items) => Task.FromResult(items);
}

/// <summary>Hands out the list it keeps changing: the copy of a result must be taken before the next turn.</summary>
public interface IChangingListGrain : IGrainWithStringKey
{
    /// <summary>Appends 100 items (starting over past 2000).</summary>
    Task AddBatchAsync();

    /// <summary>Returns the grain's own list, which the runtime must copy inside the turn.</summary>
    Task<List<int>> GetItemsAsync();
}

public sealed class ChangingListGrain : Grain, IChangingListGrain
{
    private readonly List<int> _items = [];

    public Task AddBatchAsync()
    {
        if (_items.Count >= 2000)
        {
            _items.Clear();
        }

        for (var i = 0; i < 100; i++)
        {
            _items.Add(i);
        }

        return Task.CompletedTask;
    }

    public Task<List<int>> GetItemsAsync() => Task.FromResult(_items);
}
