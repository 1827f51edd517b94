using Runtime.Serialization;
using Runtime.Storage.Relational;

namespace Runtime.Streams;

/// <summary>The outbox of a <see cref="RelationalStreamQueue"/>: events are rows of the same database's <c>stream_queue</c>.</summary>
internal sealed class TransactionalOutbox(
    string providerName,
    RelationalDatabase database,
    StreamDeliveryAgent agent,
    RuntimeSerializer serializer,
    TimeProvider timeProvider) : ITransactionalOutbox
{
    public RelationalDatabase Database => database;

    public async Task<TResult> WriteAsync<TResult>(OutboxWork<TResult> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var published = 0;
        var result = await database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // A fresh collection per attempt: a dialect may run the work again after a serialisation failure.
                var events = new OutboxEvents();
                var value = await work(connection, transaction, events, ct).ConfigureAwait(false);
                foreach (var group in events.Collected.GroupBy(e => e.StreamId))
                {
                    var payloads = group.Select(e => serializer.Serialize(e.Item, e.Type)).ToList();
                    await RelationalStreamQueue.EnqueueAsync(database, connection, transaction, providerName, group.Key, payloads, timeProvider.GetUtcNow(), ct)
                        .ConfigureAwait(false);
                }

                published = events.Collected.Count;
                return value;
            },
            cancellationToken).ConfigureAwait(false);

        if (published > 0)
        {
            agent.NotifyNewEvents();
        }

        return result;
    }
}
