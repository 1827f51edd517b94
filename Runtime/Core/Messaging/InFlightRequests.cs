using Runtime.Invocation;

namespace Runtime.Messaging;

/// <summary>
/// The two-way requests whose callers are still waiting, so the timeout sweep can find them however
/// stuck their target is. Each request links itself into one of several intrusive lists, chosen by
/// processor, so adding and removing cost an uncontended lock and no allocation. Requests sharing one
/// response timeout are appended in deadline order, which lets the sweep stop at the first live one.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly Shard[] _shards;
    private readonly int _shardMask;

    public InFlightRequests()
    {
        var count = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, Environment.ProcessorCount * 2));
        _shardMask = count - 1;
        _shards = new Shard[count];
        for (var i = 0; i < count; i++)
        {
            _shards[i] = new Shard();
        }
    }

    public void Add(RequestBase request)
    {
        var index = Thread.GetCurrentProcessorId() & _shardMask;
        var shard = _shards[index];
        lock (shard.Lock)
        {
            request.InFlightShard = index;
            request.InFlightPrevious = shard.Tail;
            request.InFlightNext = null;
            if (shard.Tail is null)
            {
                shard.Head = request;
            }
            else
            {
                shard.Tail.InFlightNext = request;
            }

            shard.Tail = request;
        }
    }

    /// <summary>Removes the request if it is still listed. Safe to call more than once.</summary>
    public void Remove(RequestBase request)
    {
        var index = Volatile.Read(ref request.InFlightShard);
        if (index < 0)
        {
            return;
        }

        var shard = _shards[index];
        lock (shard.Lock)
        {
            if (request.InFlightShard == index)
            {
                shard.Unlink(request);
            }
        }
    }

    /// <summary>Unlinks every request whose deadline has passed and adds it to <paramref name="expired"/>.</summary>
    public void TakeExpired(long nowTimestamp, List<RequestBase> expired)
    {
        foreach (var shard in _shards)
        {
            lock (shard.Lock)
            {
                while (shard.Head is { } head && head.DeadlineTimestamp <= nowTimestamp)
                {
                    shard.Unlink(head);
                    expired.Add(head);
                }
            }
        }
    }

    private sealed class Shard
    {
        public readonly Lock Lock = new();
        public RequestBase? Head;
        public RequestBase? Tail;

        public void Unlink(RequestBase request)
        {
            if (request.InFlightPrevious is null)
            {
                Head = request.InFlightNext;
            }
            else
            {
                request.InFlightPrevious.InFlightNext = request.InFlightNext;
            }

            if (request.InFlightNext is null)
            {
                Tail = request.InFlightPrevious;
            }
            else
            {
                request.InFlightNext.InFlightPrevious = request.InFlightPrevious;
            }

            request.InFlightPrevious = null;
            request.InFlightNext = null;
            Volatile.Write(ref request.InFlightShard, -1);
        }
    }
}
