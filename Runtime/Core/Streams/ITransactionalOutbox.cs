using System.Data.Common;
using Runtime.Storage.Relational;

namespace Runtime.Streams;

/// <summary>Application work inside an outbox transaction: change rows, and publish the events the change causes.</summary>
public delegate ValueTask<TResult> OutboxWork<TResult>(DbConnection connection, DbTransaction? transaction, OutboxEvents events, CancellationToken cancellationToken);

/// <summary>
/// The transactional outbox of a stream provider backed by a database table: application rows and the
/// stream events they cause commit together or not at all. Without it, a process dying between "row
/// written" and "event published" loses the event (or, the other way round, publishes an event about a
/// row that never existed). Resolve it keyed by the provider's name.
/// </summary>
public interface ITransactionalOutbox
{
    /// <summary>The database the outbox table lives in; application tables written through <see cref="WriteAsync{TResult}"/> must live there too.</summary>
    RelationalDatabase Database { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and enqueues, in that same transaction, every event
    /// it published on <see cref="OutboxEvents"/>. Completes once everything is durable; delivery starts then.
    /// </summary>
    Task<TResult> WriteAsync<TResult>(OutboxWork<TResult> work, CancellationToken cancellationToken);
}

/// <summary>Events collected during one outbox transaction, enqueued when the work returns.</summary>
public sealed class OutboxEvents
{
    private readonly List<(StreamId StreamId, object? Item, Type Type)> _events = [];

    internal IReadOnlyList<(StreamId StreamId, object? Item, Type Type)> Collected => _events;

    /// <summary>Publishes <paramref name="item"/> on <paramref name="streamId"/> if, and only if, the transaction commits.</summary>
    public void Publish<T>(StreamId streamId, T item) => _events.Add((streamId, item, typeof(T)));
}
