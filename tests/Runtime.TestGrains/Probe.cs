using System.Collections.Concurrent;

namespace Runtime.TestGrains;

/// <summary>
/// What test grains report to the test that hosts them: lifecycle events, reminder ticks, gates the
/// test opens. A singleton per silo host, so parallel tests do not see each other's events.
/// </summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string @event) => _events.Enqueue(@event);

    public int Count(string @event) => _events.Count(e => e == @event);

    /// <summary>A task grains await until the test opens the gate of that name.</summary>
    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void OpenAll()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }
    }
}
