using System.Collections.Immutable;

namespace Runtime.Streams;

/// <summary>In-process observers subscribed with <see cref="IAsyncStream{T}.SubscribeAsync"/>, per stream.</summary>
internal sealed class ExplicitSubscriptions
{
    private readonly Lock _lock = new();
    private ImmutableDictionary<StreamId, ImmutableList<Subscriber>> _byStream = ImmutableDictionary<StreamId, ImmutableList<Subscriber>>.Empty;

    public IReadOnlyList<Subscriber> For(StreamId streamId) =>
        Volatile.Read(ref _byStream).TryGetValue(streamId, out var subscribers) ? subscribers : [];

    public StreamSubscriptionHandle Add(StreamId streamId, Func<ReadOnlyMemory<byte>, StreamSequenceToken, Task> deliver)
    {
        var subscriber = new Subscriber(Guid.NewGuid().ToString("N"), deliver);
        lock (_lock)
        {
            var existing = _byStream.TryGetValue(streamId, out var list) ? list : [];
            _byStream = _byStream.SetItem(streamId, existing.Add(subscriber));
        }

        return new Handle(this, streamId, subscriber);
    }

    private void Remove(StreamId streamId, Subscriber subscriber)
    {
        lock (_lock)
        {
            if (_byStream.TryGetValue(streamId, out var list))
            {
                var remaining = list.Remove(subscriber);
                _byStream = remaining.IsEmpty ? _byStream.Remove(streamId) : _byStream.SetItem(streamId, remaining);
            }
        }
    }

    /// <param name="Id">Identifies the subscriber across delivery retries.</param>
    /// <param name="Deliver">Deserializes and hands the event to the observer.</param>
    internal sealed record Subscriber(string Id, Func<ReadOnlyMemory<byte>, StreamSequenceToken, Task> Deliver);

    private sealed class Handle(ExplicitSubscriptions owner, StreamId streamId, Subscriber subscriber) : StreamSubscriptionHandle
    {
        public override StreamId StreamId => streamId;

        public override Task UnsubscribeAsync()
        {
            owner.Remove(streamId, subscriber);
            return Task.CompletedTask;
        }
    }
}
