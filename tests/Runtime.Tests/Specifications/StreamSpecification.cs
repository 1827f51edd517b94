using Microsoft.Extensions.DependencyInjection;
using Runtime.Storage.Relational;
using Runtime.Streams;
using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class StreamSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Events_reach_the_implicitly_subscribed_grain_in_publication_order()
    {
        var silo = await StartSiloAsync();
        var stream = silo.Streams.GetStream<Chirp>(StreamId.Create(ChirpLogGrain.Namespace, "ordered"));

        for (var number = 1; number <= 20; number++)
        {
            await stream.OnNextAsync(new Chirp("alice", $"chirp {number}", number));
        }

        var log = await Eventually.ValueAsync(
            silo.Grains.GetGrain<IChirpLogGrain>("ordered").GetAsync,
            state => state.Numbers.Count == 20,
            "all 20 events are delivered");
        Assert.Equal(Enumerable.Range(1, 20), log.Numbers);
        Assert.Equal(0, log.DuplicatesSkipped);
        await Eventually.ValueAsync(() => CountRowsAsync(silo, "stream_queue"), rows => rows == 0, "delivered events are acknowledged");
    }

    [Fact]
    public async Task An_in_process_observer_receives_the_events_of_its_stream_only()
    {
        var silo = await StartSiloAsync();
        var received = new List<int>();
        var observer = new CollectingObserver(received);
        var mine = silo.Streams.GetStream<Chirp>(StreamId.Create("watched", "mine"));
        var other = silo.Streams.GetStream<Chirp>(StreamId.Create("watched", "other"));
        await using var subscription = await mine.SubscribeAsync(observer);

        await other.OnNextAsync(new Chirp("bob", "not for me", 99));
        await mine.OnNextBatchAsync([new Chirp("bob", "one", 1), new Chirp("bob", "two", 2)]);

        await Eventually.TrueAsync(() => observer.Count == 2, "the observer receives both events of its stream");
        Assert.Equal([1, 2], observer.Snapshot());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_and_a_poison_event_is_dead_lettered()
    {
        var silo = await StartSiloAsync(streams: options => options.MaxDeliveryAttempts = 3);
        var stream = silo.Streams.GetStream<string>(StreamId.Create(FlakyConsumerGrain.Namespace, "queue"));

        await stream.OnNextAsync("fail-once-a");
        await stream.OnNextAsync("poison-b");
        await stream.OnNextAsync("ok-c");

        await Eventually.ValueAsync(
            silo.Grains.GetGrain<IFlakyConsumerGrain>("queue").GetReceivedAsync,
            received => received.Count == 2,
            "the retried event and the one after the poison are delivered");
        Assert.Equal(["fail-once-a", "ok-c"], await silo.Grains.GetGrain<IFlakyConsumerGrain>("queue").GetReceivedAsync());
        Assert.Equal(3, silo.Probe.Count("attempt:poison-b"));
        Assert.Equal(1, await CountRowsAsync(silo, "stream_dead_letters"));
        await Eventually.ValueAsync(() => CountRowsAsync(silo, "stream_queue"), rows => rows == 0, "nothing is left in the queue");
    }

    [Fact]
    public async Task An_event_published_before_a_crash_is_delivered_after_restart_and_applied_once()
    {
        var key = "crash-" + Guid.NewGuid().ToString("N");
        // Runtime.CrashHost <dialect> <connection string> <stream key> <events> <hang after event>
        await using (var crashed = DotnetProcess.Start("Runtime.CrashHost.dll", [Database.Spec.Dialect, Database.Spec.ConnectionString, key, "2", "1"]))
        {
            await crashed.WaitForLineAsync("published");
            await crashed.WaitForLineAsync("applied 1");
            await crashed.KillAsync(); // event 1 applied but never acknowledged; event 2 never delivered
        }

        var silo = await StartSiloAsync();

        var log = await Eventually.ValueAsync(
            silo.Grains.GetGrain<IChirpLogGrain>(key).GetAsync,
            state => state.Numbers.Count == 2,
            "both events are delivered after the restart");
        Assert.Equal([1, 2], log.Numbers);
        Assert.Equal(1, log.DuplicatesSkipped); // event 1 came again and was recognised
        await Eventually.ValueAsync(() => CountRowsAsync(silo, "stream_queue"), rows => rows == 0, "both events are acknowledged");
    }

    [Fact]
    public async Task A_grain_cannot_subscribe_itself_explicitly()
    {
        var silo = await StartSiloAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(silo.Grains.GetGrain<ISelfSubscribingGrain>("eager").SubscribeAsync);

        Assert.Contains("ImplicitStreamSubscription", refusal.Message);
    }

    [Fact]
    public async Task Rows_and_the_events_they_cause_commit_together_through_the_outbox()
    {
        var silo = await StartSiloAsync();
        var outbox = silo.Services.GetRequiredKeyedService<ITransactionalOutbox>("Default");
        await outbox.Database.MigrateAsync("outbox-notes", [new SchemaMigration(1, "notes", "CREATE TABLE outbox_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")], CancellationToken.None);
        var stream = StreamId.Create(ChirpLogGrain.Namespace, "outbox");

        await WriteNoteAsync(outbox, stream, 1, fail: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteNoteAsync(outbox, stream, 2, fail: true));
        await WriteNoteAsync(outbox, stream, 3, fail: false);

        var log = await Eventually.ValueAsync(
            silo.Grains.GetGrain<IChirpLogGrain>("outbox").GetAsync,
            state => state.Numbers.Count >= 2,
            "the committed events are delivered");
        Assert.Equal([1, 3], log.Numbers); // the event of the rolled-back write was never published
        Assert.Equal(2, await CountRowsAsync(silo, "outbox_notes"));
    }

    private static Task<int> WriteNoteAsync(ITransactionalOutbox outbox, StreamId stream, int number, bool fail) =>
        outbox.WriteAsync(
            async (connection, transaction, events, ct) =>
            {
                await using var insert = connection.CreateCommand("INSERT INTO outbox_notes (id, text) VALUES (@id, @text)", transaction)
                    .With("@id", number).With("@text", $"note {number}");
                await insert.ExecuteNonQueryAsync(ct);
                events.Publish(stream, new Chirp("outbox", $"note {number}", number));
                return fail ? throw new InvalidOperationException("the write changes its mind after publishing") : number;
            },
            CancellationToken.None);

    private static Task<long> CountRowsAsync(TestSilo silo, string table) =>
        silo.Services.GetRequiredService<DatabaseRegistry>().Databases.Single().ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand($"SELECT COUNT(*) FROM {table}", transaction);
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            },
            CancellationToken.None);

    private sealed class CollectingObserver(List<int> received) : IAsyncObserver<Chirp>
    {
        private readonly Lock _lock = new();

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return received.Count;
                }
            }
        }

        public int[] Snapshot()
        {
            lock (_lock)
            {
                return [.. received];
            }
        }

        public Task OnNextAsync(Chirp item, StreamSequenceToken token)
        {
            lock (_lock)
            {
                received.Add(item.Number);
            }

            return Task.CompletedTask;
        }
    }
}

public sealed class StreamsOnSqlite(ITestOutputHelper output) : StreamSpecification(StorageKind.Sqlite, output);

public sealed class StreamsOnPostgres(ITestOutputHelper output) : StreamSpecification(StorageKind.Postgres, output);
