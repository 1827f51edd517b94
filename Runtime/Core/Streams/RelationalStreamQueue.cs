using System.Data.Common;
using System.Globalization;
using Runtime.Storage.Relational;

namespace Runtime.Streams;

/// <summary>
/// The outbox: stream events as rows of <c>stream_queue</c>, deleted when acknowledged. Publishing is an
/// insert, so an event can be enqueued in the same transaction as the state change that caused it.
/// Reads move a cursor forward; after a restart the cursor starts from zero, so every unacknowledged
/// event is delivered again. Enqueues take the dialect's queue lock so rows become visible in sequence
/// order (PostgreSQL could otherwise commit sequence 11 before 10 and the cursor would skip 10).
/// </summary>
internal sealed class RelationalStreamQueue(string providerName, RelationalDatabase database, TimeProvider timeProvider) : IStreamQueue
{
    private long _cursor;

    public Task<IReadOnlyList<long>> EnqueueAsync(StreamId streamId, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, ct) => EnqueueAsync(database, connection, transaction, providerName, streamId, payloads, timeProvider.GetUtcNow(), ct),
            cancellationToken);

    /// <summary>Enqueues inside a caller's transaction, for outbox writes next to domain rows.</summary>
    public static async ValueTask<IReadOnlyList<long>> EnqueueAsync(
        RelationalDatabase database,
        DbConnection connection,
        DbTransaction? transaction,
        string providerName,
        StreamId streamId,
        IReadOnlyList<byte[]> payloads,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (database.StreamQueueLockStatement is { } lockStatement)
        {
            await using var lockCommand = connection.CreateCommand(lockStatement, transaction).With("@provider", providerName);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var sequences = new List<long>(payloads.Count);
        foreach (var payload in payloads)
        {
            await using var insert = connection.CreateCommand(
                """
                INSERT INTO stream_queue (provider, stream_namespace, stream_key, payload, enqueued_at)
                VALUES (@provider, @namespace, @key, @payload, @now)
                RETURNING sequence
                """, transaction)
                .With("@provider", providerName)
                .With("@namespace", streamId.Namespace)
                .With("@key", streamId.Key)
                .With("@payload", payload)
                .With("@now", now.ToUnixTimeMilliseconds());
            sequences.Add(Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture));
        }

        return sequences;
    }

    public async Task<IReadOnlyList<StreamQueueMessage>> ReadAsync(int maxCount, CancellationToken cancellationToken)
    {
        var after = _cursor;
        var messages = await database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand(
                    """
                    SELECT sequence, stream_namespace, stream_key, payload, attempts FROM stream_queue
                    WHERE provider = @provider AND sequence > @after
                    ORDER BY sequence
                    LIMIT @limit
                    """, transaction)
                    .With("@provider", providerName)
                    .With("@after", after)
                    .With("@limit", maxCount);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var read = new List<StreamQueueMessage>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    read.Add(new StreamQueueMessage(
                        reader.GetInt64(0),
                        new StreamId(reader.GetString(1), reader.GetString(2)),
                        (byte[])reader.GetValue(3),
                        reader.GetInt32(4)));
                }

                return read;
            },
            cancellationToken).ConfigureAwait(false);

        if (messages.Count > 0)
        {
            _cursor = messages[^1].Sequence;
        }

        return messages;
    }

    public Task AcknowledgeAsync(StreamQueueMessage message, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var delete = connection.CreateCommand("DELETE FROM stream_queue WHERE sequence = @sequence", transaction)
                    .With("@sequence", message.Sequence);
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task RecordFailedAttemptAsync(StreamQueueMessage message, int attempts, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var update = connection.CreateCommand("UPDATE stream_queue SET attempts = @attempts WHERE sequence = @sequence", transaction)
                    .With("@attempts", attempts)
                    .With("@sequence", message.Sequence);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task DeadLetterAsync(StreamQueueMessage message, int attempts, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var insert = connection.CreateCommand(
                    """
                    INSERT INTO stream_dead_letters (sequence, provider, stream_namespace, stream_key, payload, enqueued_at, failed_at, attempts, error)
                    SELECT sequence, provider, stream_namespace, stream_key, payload, enqueued_at, @now, @attempts, @error
                    FROM stream_queue WHERE sequence = @sequence
                    ON CONFLICT (sequence) DO NOTHING
                    """, transaction))
                {
                    insert.With("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).With("@attempts", attempts).With("@error", error)
                        .With("@sequence", message.Sequence);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var delete = connection.CreateCommand("DELETE FROM stream_queue WHERE sequence = @sequence", transaction)
                    .With("@sequence", message.Sequence);
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
}
