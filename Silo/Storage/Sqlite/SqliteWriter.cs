using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite file. SQLite admits a single writer anyway, so instead of letting callers
/// contend for the lock, writes queue here and a dedicated thread commits them in batches: one
/// transaction and one fsync for everything queued meanwhile (group commit). Each write runs inside a
/// savepoint, so one failing write (an ETag conflict, say) is rolled back alone and the rest commit.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatchSize = 512;

    private readonly BlockingCollection<IWrite> _queue = new(new ConcurrentQueue<IWrite>());
    private readonly string _connectionString;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteWriter(string connectionString, string description)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer " + description };
        _thread.Start();
    }

    public Task<TResult> EnqueueAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken)
    {
        var write = new Write<TResult>(work, cancellationToken);
        try
        {
            _queue.Add(write, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite writer has stopped; the write was not accepted.");
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await _stopped.Task.ConfigureAwait(false);
        _queue.Dispose();
    }

    private void Run()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand("PRAGMA synchronous = FULL;"))
            {
                // FULL: a write is acknowledged only once it is on disk.
                pragma.ExecuteNonQuery();
            }

            var batch = new List<IWrite>(MaxBatchSize);
            foreach (var first in _queue.GetConsumingEnumerable())
            {
                batch.Add(first);
                while (batch.Count < MaxBatchSize && _queue.TryTake(out var next))
                {
                    batch.Add(next);
                }

                Commit(connection, batch);
                batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // The connection itself failed: refuse further writes, fail the ones still queued.
            _queue.CompleteAdding();
            while (_queue.TryTake(out var stranded))
            {
                stranded.Fail(exception);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private static void Commit(SqliteConnection connection, List<IWrite> batch)
    {
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                transaction.Save(savepoint);
                if (batch[i].Execute(connection, transaction))
                {
                    transaction.Release(savepoint);
                }
                else
                {
                    transaction.Rollback(savepoint);
                    transaction.Release(savepoint);
                }
            }

            transaction.Commit();
        }
        catch (Exception exception)
        {
            foreach (var write in batch)
            {
                write.Fail(exception);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private interface IWrite
    {
        /// <summary>Runs the work; false if it failed (its failure is kept for <see cref="Complete"/>).</summary>
        bool Execute(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Reports the outcome after the batch committed.</summary>
        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Write<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken) : IWrite
    {
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TResult? _result;
        private Exception? _failure;

        public Task<TResult> Task => _completion.Task;

        public bool Execute(SqliteConnection connection, SqliteTransaction transaction)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Microsoft.Data.Sqlite completes its async methods synchronously, so this does not block.
                _result = work(connection, transaction, cancellationToken).AsTask().GetAwaiter().GetResult();
                return true;
            }
            catch (Exception exception)
            {
                _failure = exception;
                return false;
            }
        }

        public void Complete()
        {
            if (_failure is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_failure);
            }
        }

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
