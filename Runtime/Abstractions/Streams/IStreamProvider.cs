namespace Runtime.Streams;

/// <summary>A named stream provider (e.g. the durable outbox provider, later RabbitMQ).</summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}

/// <summary>
/// A stream of events of type <typeparamref name="T"/>. Delivery is at least once: an event can
/// arrive again after a crash, carrying the same <see cref="StreamSequenceToken"/>.
/// </summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    /// <summary>Publishes an event. When the task completes the event is durably accepted and will be delivered.</summary>
    Task OnNextAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>Publishes several events atomically, in order.</summary>
    Task OnNextBatchAsync(IEnumerable<T> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes an in-process observer (e.g. a WebSocket hub) for as long as the handle lives.
    /// Not durable: after a restart, subscribe again. Grains subscribe implicitly instead, with
    /// <see cref="ImplicitStreamSubscriptionAttribute"/>.
    /// </summary>
    Task<StreamSubscriptionHandle> SubscribeAsync(IAsyncObserver<T> observer, CancellationToken cancellationToken = default);
}

/// <summary>Receives stream events.</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamSequenceToken token);
}

/// <summary>An explicit, in-process subscription. Dispose or unsubscribe to stop receiving.</summary>
public abstract class StreamSubscriptionHandle : IAsyncDisposable
{
    public abstract StreamId StreamId { get; }

    public abstract Task UnsubscribeAsync();

    public async ValueTask DisposeAsync()
    {
        await UnsubscribeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
