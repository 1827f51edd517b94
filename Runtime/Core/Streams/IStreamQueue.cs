namespace Runtime.Streams;

/// <summary>An event as stored in a stream queue.</summary>
/// <param name="Sequence">Position in the queue; increases with publication order and is never reused.</param>
/// <param name="StreamId">The stream it was published to.</param>
/// <param name="Payload">The event serialized as JSON.</param>
/// <param name="Attempts">Failed delivery attempts so far.</param>
public sealed record StreamQueueMessage(long Sequence, StreamId StreamId, ReadOnlyMemory<byte> Payload, int Attempts);

/// <summary>
/// The durable queue under a stream provider: the outbox table for the in-process provider, RabbitMQ
/// for cluster mode. A delivery agent pulls from it and acknowledges each event once every subscriber
/// has it; anything unacknowledged when a process dies is delivered again (at least once).
/// </summary>
public interface IStreamQueue
{
    /// <summary>Appends events to a stream atomically; completes once they are durable. Returns their sequence numbers.</summary>
    Task<IReadOnlyList<long>> EnqueueAsync(StreamId streamId, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> events not yet handed out by this queue instance, oldest first.</summary>
    Task<IReadOnlyList<StreamQueueMessage>> ReadAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>The event reached every subscriber: forget it.</summary>
    Task AcknowledgeAsync(StreamQueueMessage message, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt, so that the count survives a restart.</summary>
    Task RecordFailedAttemptAsync(StreamQueueMessage message, int attempts, CancellationToken cancellationToken);

    /// <summary>Gives up on the event: moves it where operators can inspect and replay it.</summary>
    Task DeadLetterAsync(StreamQueueMessage message, int attempts, string error, CancellationToken cancellationToken);
}
