namespace Runtime.Streams;

/// <summary>
/// Learns which events a stream provider gave up on, so the application can settle what the event was
/// about (mark a job failed, say) instead of leaving it pending forever. Called before the event moves to
/// the dead letters, and again if the process dies in between: implementations must be idempotent. A
/// failing call is retried; the event is dead-lettered only after a call succeeds.
/// </summary>
public interface IStreamDeadLetterObserver
{
    /// <param name="streamId">The event's stream.</param>
    /// <param name="sequence">The event's sequence number (its <see cref="StreamSequenceToken"/>).</param>
    /// <param name="attempts">Delivery attempts made.</param>
    /// <param name="error">The last delivery error, as text.</param>
    Task OnDeadLetteringAsync(StreamId streamId, long sequence, int attempts, string error, CancellationToken cancellationToken);
}
