using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;
using Orleans.Runtime;

namespace Feed.Benchmarks.Load;

/// <summary>
/// Counts every call that reaches a grain in this silo, per grain type and method, with the time the grain
/// took: an incoming grain call filter, registered by the benchmark's host only. Two readings' difference
/// says which calls a piece of work made, and how many.
/// </summary>
internal sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string GrainType, string Method), Tally> _tallies = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            var tally = _tallies.GetOrAdd((context.TargetId.Type.ToString(), context.MethodName), static _ => new Tally());
            tally.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    public IReadOnlyDictionary<(string GrainType, string Method), (long Calls, TimeSpan Total)> Read() =>
        _tallies.ToDictionary(t => t.Key, t => t.Value.Read());

    private sealed class Tally
    {
        private long _calls;
        private long _ticks;

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _ticks, elapsed.Ticks);
        }

        public (long Calls, TimeSpan Total) Read() => (Volatile.Read(ref _calls), TimeSpan.FromTicks(Volatile.Read(ref _ticks)));
    }
}
