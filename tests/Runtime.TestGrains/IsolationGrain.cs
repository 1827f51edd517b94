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
