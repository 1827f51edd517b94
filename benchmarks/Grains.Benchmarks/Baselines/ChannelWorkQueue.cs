using System.Threading.Channels;

namespace Grains.Benchmarks.Baselines;

/// <summary>
/// The least machinery a grain needs: a queue of calls with one consumer, so calls to one "grain" run one
/// at a time, and the caller is answered through a task. As with a grain call, a call crosses threads
/// twice (the consumer wakes on the thread pool; the caller's continuation is queued, not run inline).
/// No activation, addressing, messages, copies, filters, timeouts or statistics.
/// </summary>
internal sealed class ChannelWorkQueue : IPing
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)> _calls =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _consumer;

    public ChannelWorkQueue() => _consumer = Task.Run(ConsumeAsync);

    public Task<int> PingAsync(int value)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls.Writer.TryWrite((value, reply));
        return reply.Task;
    }

    /// <summary>Stops the consumer once the calls already queued are answered.</summary>
    public Task StopAsync()
    {
        _calls.Writer.TryComplete();
        return _consumer;
    }

    private async Task ConsumeAsync()
    {
        var reader = _calls.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var call))
            {
                call.Reply.SetResult(call.Value + 1);
            }
        }
    }
}
