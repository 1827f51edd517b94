using System.Collections.Concurrent;

namespace Runtime.Benchmarks;

/// <summary>
/// The baseline the runtime's machinery is measured against: one queue per grain drained by the thread
/// pool, one turn at a time, a task per call. No isolation, statistics, timeouts, activation or routing.
/// </summary>
internal sealed class BareWorkQueue : IPingGrain, IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<(int Value, TaskCompletionSource<int> Response)> _queue = new();
    private int _scheduled;

    public Task<int> PingAsync(int value)
    {
        var response = new TaskCompletionSource<int>();
        _queue.Enqueue((value, response));
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false); // the same fair queueing as activations
        }

        return response.Task;
    }

    public void Execute()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var call))
            {
                call.Response.SetResult(call.Value + 1);
            }

            Volatile.Write(ref _scheduled, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
