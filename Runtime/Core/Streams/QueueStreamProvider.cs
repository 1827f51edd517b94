using Runtime.Serialization;

namespace Runtime.Streams;

/// <summary>A stream provider over an <see cref="IStreamQueue"/>: publishing enqueues, the agent delivers.</summary>
internal sealed class QueueStreamProvider(
    string name,
    IStreamQueue queue,
    ExplicitSubscriptions explicitSubscriptions,
    StreamDeliveryAgent agent,
    RuntimeSerializer serializer) : IStreamProvider
{
    public string Name { get; } = name;

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new AsyncStream<T>(this, streamId);

    private async Task PublishAsync<T>(StreamId streamId, IEnumerable<T> items, CancellationToken cancellationToken)
    {
        var payloads = items.Select(item => serializer.Serialize(item)).ToList();
        if (payloads.Count == 0)
        {
            return;
        }

        await queue.EnqueueAsync(streamId, payloads, cancellationToken).ConfigureAwait(false);
        agent.NotifyNewEvents();
    }

    private StreamSubscriptionHandle Subscribe<T>(StreamId streamId, IAsyncObserver<T> observer) =>
        explicitSubscriptions.Add(streamId, (payload, token) => observer.OnNextAsync(serializer.Deserialize<T>(payload.Span), token));

    private sealed class AsyncStream<T>(QueueStreamProvider provider, StreamId streamId) : IAsyncStream<T>
    {
        public StreamId StreamId { get; } = streamId;

        public string ProviderName => provider.Name;

        public Task OnNextAsync(T item, CancellationToken cancellationToken = default) =>
            provider.PublishAsync(StreamId, [item], cancellationToken);

        public Task OnNextBatchAsync(IEnumerable<T> items, CancellationToken cancellationToken = default) =>
            provider.PublishAsync(StreamId, items, cancellationToken);

        public Task<StreamSubscriptionHandle> SubscribeAsync(IAsyncObserver<T> observer, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(observer);

            // Explicit observers are called on pool threads, outside any activation: a grain subscribing
            // itself would receive events concurrently with its own turns.
            if (RuntimeContext.Current is { } grain)
            {
                throw new InvalidOperationException(
                    $"{grain.GrainId} cannot subscribe explicitly to {StreamId}: grains subscribe with [ImplicitStreamSubscription], which delivers events as turns.");
            }

            return Task.FromResult(provider.Subscribe(StreamId, observer));
        }
    }
}
