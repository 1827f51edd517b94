using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Manifest;
using Runtime.Streams;
using Xunit;

namespace Runtime.Tests.Units;

/// <summary>The delivery agent's own logic, over an in-memory queue whose bookkeeping can be made to fail.</summary>
public sealed class StreamDeliveryAgentTests
{
    private static readonly StreamId Stream = new("ns", "key");

    [Fact]
    public async Task A_failure_to_record_an_attempt_does_not_stop_the_stream()
    {
        var queue = new InMemoryQueue { FailingRecords = 1 };
        var delivered = new ConcurrentQueue<long>();
        var subscriptions = new ExplicitSubscriptions();
        var failuresLeft = 1;
        subscriptions.Add(Stream, (_, token) =>
        {
            if (Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                throw new InvalidOperationException("the subscriber hiccups once");
            }

            delivered.Enqueue(token.SequenceNumber);
            return Task.CompletedTask;
        });
        var agent = CreateAgent(queue, subscriptions, maxAttempts: 5);
        queue.Publish(1, 2);
        await agent.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => delivered.Count == 2, "both events are delivered despite the failed bookkeeping");
        queue.Publish(3); // the stream still has a delivery loop for later events
        await Eventually.TrueAsync(() => delivered.Count == 3, "a later event on the same stream is delivered");
        await agent.StopAsync(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], delivered);
        Assert.Equal([1L, 2L, 3L], queue.Acknowledged.Order());
    }

    [Fact]
    public async Task A_failure_to_dead_letter_is_retried_until_it_succeeds()
    {
        var queue = new InMemoryQueue { FailingDeadLetters = 2 };
        var subscriptions = new ExplicitSubscriptions();
        subscriptions.Add(Stream, (_, _) => throw new InvalidOperationException("poison"));
        var agent = CreateAgent(queue, subscriptions, maxAttempts: 2);
        queue.Publish(7);
        await agent.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => queue.DeadLettered.Contains(7), "the poison event ends in the dead letters");
        await agent.StopAsync(CancellationToken.None);

        Assert.Empty(queue.Acknowledged);
    }

    [Fact]
    public async Task The_dead_letter_observer_hears_of_an_event_before_it_is_dead_lettered_and_its_failures_are_retried()
    {
        var queue = new InMemoryQueue();
        var subscriptions = new ExplicitSubscriptions();
        subscriptions.Add(Stream, (_, _) => throw new InvalidOperationException("poison"));
        var observer = new RecordingObserver(queue) { FailingCalls = 1 };
        var agent = CreateAgent(queue, subscriptions, maxAttempts: 3, observer);
        queue.Publish(9);
        await agent.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => queue.DeadLettered.Contains(9), "the poison event ends in the dead letters");
        await agent.StopAsync(CancellationToken.None);

        var heard = Assert.Single(observer.Heard);
        Assert.Equal((Stream, 9L, 3), (heard.StreamId, heard.Sequence, heard.Attempts));
        Assert.Contains("poison", heard.Error, StringComparison.Ordinal);
        Assert.False(heard.WasDeadLetteredAlready);
    }

    private static StreamDeliveryAgent CreateAgent(
        IStreamQueue queue,
        ExplicitSubscriptions subscriptions,
        int maxAttempts,
        IStreamDeadLetterObserver? observer = null) =>
        new(
            "test",
            queue,
            subscriptions,
            new GrainRegistry([]),
            dispatcher: null!, // no grain subscribes to this namespace, so no grain is ever called
            observer,
            new StreamDeliveryOptions { MaxDeliveryAttempts = maxAttempts, RetryDelay = TimeSpan.FromMilliseconds(5), PollInterval = TimeSpan.FromMilliseconds(10) },
            TimeProvider.System,
            NullLogger<StreamDeliveryAgent>.Instance);

    private sealed record DeadLetterNotice(StreamId StreamId, long Sequence, int Attempts, string Error, bool WasDeadLetteredAlready);

    private sealed class RecordingObserver(InMemoryQueue queue) : IStreamDeadLetterObserver
    {
        public int FailingCalls;

        public ConcurrentQueue<DeadLetterNotice> Heard { get; } = new();

        public Task OnDeadLetteringAsync(StreamId streamId, long sequence, int attempts, string error, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref FailingCalls) >= 0)
            {
                throw new InvalidOperationException("the observer's database hiccups");
            }

            Heard.Enqueue(new DeadLetterNotice(streamId, sequence, attempts, error, queue.DeadLettered.Contains(sequence)));
            return Task.CompletedTask;
        }
    }

    private sealed class InMemoryQueue : IStreamQueue
    {
        private readonly ConcurrentQueue<StreamQueueMessage> _unread = new();

        public int FailingRecords;
        public int FailingDeadLetters;

        public ConcurrentBag<long> Acknowledged { get; } = [];

        public ConcurrentBag<long> DeadLettered { get; } = [];

        public void Publish(params long[] sequences)
        {
            foreach (var sequence in sequences)
            {
                _unread.Enqueue(new StreamQueueMessage(sequence, Stream, new byte[] { 1 }, 0));
            }
        }

        public Task<IReadOnlyList<long>> EnqueueAsync(StreamId streamId, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StreamQueueMessage>> ReadAsync(int maxCount, CancellationToken cancellationToken)
        {
            var read = new List<StreamQueueMessage>();
            while (read.Count < maxCount && _unread.TryDequeue(out var message))
            {
                read.Add(message);
            }

            return Task.FromResult<IReadOnlyList<StreamQueueMessage>>(read);
        }

        public Task AcknowledgeAsync(StreamQueueMessage message, CancellationToken cancellationToken)
        {
            Acknowledged.Add(message.Sequence);
            return Task.CompletedTask;
        }

        public Task RecordFailedAttemptAsync(StreamQueueMessage message, int attempts, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref FailingRecords) >= 0 ? throw new InvalidOperationException("the database hiccups") : Task.CompletedTask;

        public Task DeadLetterAsync(StreamQueueMessage message, int attempts, string error, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref FailingDeadLetters) >= 0)
            {
                throw new InvalidOperationException("the database hiccups");
            }

            DeadLettered.Add(message.Sequence);
            return Task.CompletedTask;
        }
    }
}
