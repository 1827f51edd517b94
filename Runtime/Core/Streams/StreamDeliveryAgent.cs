using Microsoft.Extensions.Logging;
using Runtime.Hosting;
using Runtime.Manifest;
using Runtime.Messaging;

namespace Runtime.Streams;

/// <summary>
/// Pulls one provider's queue and delivers each event to its subscribers: every grain class implicitly
/// subscribed to the event's namespace (the grain with the stream's key) and every in-process observer
/// of the stream. Events of one stream are delivered in order, one at a time; different streams in
/// parallel. An event is acknowledged only when all subscribers have it; a failure is retried with
/// exponential backoff, and after the configured attempts the event is dead-lettered so that one poison
/// event cannot block its stream forever.
/// </summary>
internal sealed partial class StreamDeliveryAgent : ISiloLifecycleParticipant, IDisposable
{
    private readonly string _providerName;
    private readonly IStreamQueue _queue;
    private readonly ExplicitSubscriptions _explicitSubscriptions;
    private readonly GrainCallDispatcher _dispatcher;
    private readonly IStreamDeadLetterObserver? _deadLetterObserver;
    private readonly StreamDeliveryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IReadOnlyDictionary<string, string[]> _implicitSubscribers;
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, Queue<StreamQueueMessage>> _pendingByStream = [];
    private readonly HashSet<Task> _deliveries = [];
    private readonly SemaphoreSlim _newEvents = new(0, 1);
    private readonly SemaphoreSlim _concurrentStreams;
    private readonly CancellationTokenSource _stopping = new();
    private int _buffered;
    private Task? _loop;

    public StreamDeliveryAgent(
        string providerName,
        IStreamQueue queue,
        ExplicitSubscriptions explicitSubscriptions,
        GrainRegistry registry,
        GrainCallDispatcher dispatcher,
        IStreamDeadLetterObserver? deadLetterObserver,
        StreamDeliveryOptions options,
        TimeProvider timeProvider,
        ILogger<StreamDeliveryAgent> logger)
    {
        _providerName = providerName;
        _queue = queue;
        _explicitSubscriptions = explicitSubscriptions;
        _dispatcher = dispatcher;
        _deadLetterObserver = deadLetterObserver;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _concurrentStreams = new SemaphoreSlim(options.MaxConcurrentStreams);
        _implicitSubscribers = registry.GrainClasses
            .SelectMany(c => c.ImplicitSubscriptions.SelectMany(s => c.GrainTypes.Select(t => (s.StreamNamespace, GrainType: t))))
            .GroupBy(x => x.StreamNamespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.GrainType).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public int Stage => SiloLifecycleStage.ApplicationServices;

    public string Name => $"Stream delivery ({_providerName})";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = PullAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_lock)
        {
            running = [.. _deliveries];
        }

        // Deliveries in flight finish or are abandoned unacknowledged (and so redelivered after restart).
        await Task.WhenAll(running.Append(_loop ?? Task.CompletedTask)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the pulling loop if the silo was disposed without stopping. Cancels only: disposing the
    /// semaphores would strand a loop still waiting on them, and they hold no wait handles.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    /// <summary>Publishers call this after enqueueing, so delivery starts without waiting for the next poll.</summary>
    public void NotifyNewEvents()
    {
        try
        {
            if (_newEvents.CurrentCount == 0)
            {
                _newEvents.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    private async Task PullAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var read = 0;
            try
            {
                var room = _options.MaxBufferedEvents - Volatile.Read(ref _buffered);
                if (room > 0)
                {
                    var messages = await _queue.ReadAsync(Math.Min(room, 256), token).ConfigureAwait(false);
                    read = messages.Count;
                    foreach (var message in messages)
                    {
                        Buffer(message);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPullFailed(_logger, exception, _providerName);
            }

            if (read == 0)
            {
                using var poll = new CancellationTokenSource(_options.PollInterval, _timeProvider);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, token);
                try
                {
                    await _newEvents.WaitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // Poll interval elapsed.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Buffer(StreamQueueMessage message)
    {
        Interlocked.Increment(ref _buffered);
        lock (_lock)
        {
            if (_pendingByStream.TryGetValue(message.StreamId, out var pending))
            {
                pending.Enqueue(message); // the stream's delivery loop is running and will reach it
                return;
            }

            _pendingByStream[message.StreamId] = new Queue<StreamQueueMessage>([message]);
        }

        // Started outside the lock and off the pulling loop: delivery runs grain calls and database writes.
        Track(Task.Run(() => DeliverStreamAsync(message.StreamId)));
    }

    private void Track(Task delivery)
    {
        lock (_lock)
        {
            _deliveries.Add(delivery);
        }

        _ = delivery.ContinueWith(
            static (task, state) =>
            {
                var agent = (StreamDeliveryAgent)state!;
                lock (agent._lock)
                {
                    agent._deliveries.Remove(task);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DeliverStreamAsync(StreamId streamId)
    {
        var token = _stopping.Token;
        try
        {
            await _concurrentStreams.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            while (!token.IsCancellationRequested)
            {
                StreamQueueMessage next;
                lock (_lock)
                {
                    var pending = _pendingByStream[streamId];
                    if (pending.Count == 0)
                    {
                        _pendingByStream.Remove(streamId);
                        return;
                    }

                    next = pending.Peek();
                }

                await DeliverWithRetriesAsync(next, token).ConfigureAwait(false);
                lock (_lock)
                {
                    _pendingByStream[streamId].Dequeue();
                }

                Interlocked.Decrement(ref _buffered);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: the unacknowledged event stays queued.
        }
        finally
        {
            _concurrentStreams.Release();
        }
    }

    /// <summary>
    /// Delivers until every subscriber has the event, then acknowledges it; after the configured attempts,
    /// dead-letters it instead. Returns only when the event is settled one way or the other (or the agent
    /// stops): a failure of the queue's own bookkeeping is retried like a failed delivery, so it can never
    /// leave the stream without a delivery loop.
    /// </summary>
    private async Task DeliverWithRetriesAsync(StreamQueueMessage message, CancellationToken token)
    {
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        var attempts = message.Attempts;
        string? lastError = null;
        while (true)
        {
            if (attempts < _options.MaxDeliveryAttempts)
            {
                attempts++;
                try
                {
                    await DeliverToSubscribersAsync(message, delivered).ConfigureAwait(false);
                    await _queue.AcknowledgeAsync(message, token).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    lastError = exception.ToString();
                    LogDeliveryFailed(_logger, exception, message.Sequence, message.StreamId, attempts);
                    await RecordFailedAttemptAsync(message, attempts, token).ConfigureAwait(false);
                }
            }
            else
            {
                try
                {
                    var error = lastError ?? "Delivery attempts exhausted before this process started.";
                    if (_deadLetterObserver is not null)
                    {
                        await _deadLetterObserver.OnDeadLetteringAsync(message.StreamId, message.Sequence, attempts, error, token).ConfigureAwait(false);
                    }

                    await _queue.DeadLetterAsync(message, attempts, error, token).ConfigureAwait(false);
                    LogDeadLettered(_logger, message.Sequence, message.StreamId, attempts);
                    return;
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    LogBookkeepingFailed(_logger, exception, "dead-lettering", message.Sequence);
                }
            }

            await Task.Delay(_options.DelayAfter(attempts), _timeProvider, token).ConfigureAwait(false);
        }
    }

    /// <summary>Best effort: the count only lets attempts survive a restart, so a failure to store it is logged, not fatal.</summary>
    private async Task RecordFailedAttemptAsync(StreamQueueMessage message, int attempts, CancellationToken token)
    {
        try
        {
            await _queue.RecordFailedAttemptAsync(message, attempts, token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            LogBookkeepingFailed(_logger, exception, "recording a failed attempt", message.Sequence);
        }
    }

    /// <summary>Delivers to each subscriber that does not have the event yet; throws on the first failure.</summary>
    private async Task DeliverToSubscribersAsync(StreamQueueMessage message, HashSet<string> delivered)
    {
        if (_implicitSubscribers.TryGetValue(message.StreamId.Namespace, out var grainTypes))
        {
            foreach (var grainType in grainTypes)
            {
                var subscriberId = "grain:" + grainType;
                if (delivered.Contains(subscriberId))
                {
                    continue;
                }

                var request = new StreamDeliveryRequest { Namespace = message.StreamId.Namespace, Sequence = message.Sequence, Payload = message.Payload.ToArray() };
                var response = request.CreateResponseTask();
                if (_options.DeliveryTimeout is { } timeout)
                {
                    _dispatcher.Send(GrainId.Create(grainType, message.StreamId.Key), request, sweepTimeout: false);
                    try
                    {
                        await response.WaitAsync(timeout, _timeProvider).ConfigureAwait(false);
                    }
                    catch (TimeoutException exception)
                    {
                        // Answer the request as timed out: if it is still queued behind other turns, the
                        // activation skips it instead of running an attempt nobody waits for any more.
                        _dispatcher.Fail(request, exception);
                        throw;
                    }
                }
                else
                {
                    _dispatcher.Send(GrainId.Create(grainType, message.StreamId.Key), request);
                    await response.ConfigureAwait(false);
                }
                delivered.Add(subscriberId);
            }
        }

        foreach (var subscriber in _explicitSubscriptions.For(message.StreamId))
        {
            if (delivered.Add(subscriber.Id))
            {
                try
                {
                    await subscriber.Deliver(message.Payload, new StreamSequenceToken(message.Sequence)).ConfigureAwait(false);
                }
                catch
                {
                    delivered.Remove(subscriber.Id);
                    throw;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading stream queue {Provider} failed; retrying at the next poll")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of event {Sequence} on {StreamId} failed (attempt {Attempts})")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long sequence, StreamId streamId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Sequence} on {StreamId} dead-lettered after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, long sequence, StreamId streamId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream queue bookkeeping ({Operation}) failed for event {Sequence}; retrying")]
    private static partial void LogBookkeepingFailed(ILogger logger, Exception exception, string operation, long sequence);
}
