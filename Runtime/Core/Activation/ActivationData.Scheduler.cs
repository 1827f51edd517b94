using Microsoft.Extensions.Logging;
using Runtime.Invocation;
using Runtime.Timers;

namespace Runtime.Activation;

// The turn scheduler. Any thread may post to the inbox; the activation runs as a thread-pool work item,
// scheduled at most once at a time (_scheduled), so its other state needs no locks. A turn is one
// request (or timer tick) from start to the completion of its task; awaits inside it come back as
// continuations through the inbox. Unless the grain or method allows interleaving, a turn that is
// waiting keeps every other request in _waiting until it completes.
internal sealed partial class ActivationData : IThreadPoolWorkItem, IRequestCompletionSink
{
    // Responses of requests finished in the current batch. Sent after the activation lets go of its
    // thread, so the continuations they run inline (a client's code) never hold the activation up.
    [ThreadStatic]
    private static List<RequestBase>? t_responses;

    private readonly Queue<PendingTurn> _waiting = new();
    private int _scheduled;
    private int _runningTurns;
    private int _runningReadOnlyTurns;
    private bool _admitting;
    private DeactivationReason? _pendingDeactivation;

    public void Enqueue(RequestBase request) => Post(new WorkItem(WorkItemKind.Request, request));

    internal void EnqueueContinuation(SendOrPostCallback callback, object? state) => Post(new WorkItem(WorkItemKind.Continuation, callback, state));

    internal void EnqueueTimerTick(GrainTimer timer, int generation) => Post(new WorkItem(WorkItemKind.TimerTick, timer, generation));

    void IRequestCompletionSink.OnRequestCompleted(RequestBase request)
    {
        if (IsCurrent)
        {
            FinishRequest(request);
        }
        else
        {
            Post(new WorkItem(WorkItemKind.RequestCompleted, request));
        }
    }

    private void Post(in WorkItem item)
    {
        _inbox.Enqueue(item);

        // Full fence: the enqueue must be visible before _scheduled is read, pairing with the exchange in
        // RunBatch. Without it both sides could miss each other and strand the item (a lost wake-up).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            // The global (FIFO) queue, not this thread's local one: a thread pops its local queue newest
            // first, so under sustained load an activation queued there could wait indefinitely.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previousSynchronizationContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        var previousGrainContext = RuntimeContext.Exchange(this);
        var responses = t_responses ??= [];
        try
        {
            RunBatch();
        }
        finally
        {
            RuntimeContext.Exchange(previousGrainContext);
            SynchronizationContext.SetSynchronizationContext(previousSynchronizationContext);
            SendResponses(responses);
        }
    }

    private void RunBatch()
    {
        var budget = _silo.Options.TurnQuantum;
        while (true)
        {
            while (_inbox.TryDequeue(out var item))
            {
                Process(item);
                if (--budget == 0)
                {
                    // Give the thread to other activations; stay scheduled.
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
            }

            // Cleared with a full fence before looking at the inbox again (see Post): work posted after the
            // inbox looked empty but before the flag was cleared would otherwise be stranded.
            Interlocked.Exchange(ref _scheduled, 0);
            if (_inbox.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void Process(in WorkItem item)
    {
        try
        {
            switch (item.Kind)
            {
                case WorkItemKind.Request:
                    OnRequestArrived((RequestBase)item.Target!);
                    break;
                case WorkItemKind.Continuation:
                    ((SendOrPostCallback)item.Target!)(item.State);
                    break;
                case WorkItemKind.RequestCompleted:
                    FinishRequest((RequestBase)item.Target!);
                    break;
                case WorkItemKind.TimerTick:
                    OnTimerTickArrived((GrainTimer)item.Target!, (int)item.State!);
                    break;
                case WorkItemKind.Activate:
                    _ = ActivateAsync();
                    break;
                case WorkItemKind.Deactivate:
                    RequestDeactivation((DeactivationReason)item.State!);
                    break;
                case WorkItemKind.CollectIfIdle:
                    CollectIfIdle();
                    break;
            }
        }
        catch (Exception exception)
        {
            LogWorkItemFailed(_logger, exception, item.Kind, GrainId);
        }
    }

    private void OnRequestArrived(RequestBase request)
    {
        if (_state == ActivationState.Invalid)
        {
            _silo.Dispatcher.Forward(request);
            return;
        }

        var flags = request.Method.Flags;
        var mayStart = _state == ActivationState.Valid && _pendingDeactivation is null
            && ((_waiting.Count == 0 && CanStart(flags)) || (flags & InvokeFlags.AlwaysInterleave) != 0);
        if (mayStart)
        {
            StartRequest(request);
        }
        else
        {
            _waiting.Enqueue(new PendingTurn(request));
        }
    }

    private bool CanStart(InvokeFlags flags) =>
        _runningTurns == 0
        || _type.IsReentrant
        || (flags & InvokeFlags.AlwaysInterleave) != 0
        || ((flags & InvokeFlags.ReadOnly) != 0 && _runningReadOnlyTurns == _runningTurns);

    private void StartRequest(RequestBase request)
    {
        if ((request.CallerRequest ?? request).IsResponseDelivered)
        {
            return; // the caller gave up (timeout); do not run work nobody waits for
        }

        _runningTurns++;
        if (request.Method.IsReadOnly)
        {
            _runningReadOnlyTurns++;
        }

        if (request.Invoke(_grain!, this))
        {
            FinishRequest(request);
        }
    }

    private void FinishRequest(RequestBase request)
    {
        _runningTurns--;
        if (request.Method.IsReadOnly)
        {
            _runningReadOnlyTurns--;
        }

        _silo.Dispatcher.PrepareResponse(request);
        var now = _silo.TimeProvider.GetTimestamp();
        Volatile.Write(ref _lastActivityTimestamp, now);
        _type.Statistics.ForMethod(request.Method).Record(now - request.SentTimestamp, request.Exception is not null);
        (t_responses ??= []).Add(request);
        AfterTurn();
    }

    private void SendResponses(List<RequestBase> responses)
    {
        if (responses.Count == 0)
        {
            return;
        }

        foreach (var request in responses)
        {
            try
            {
                _silo.Dispatcher.Respond(request);
            }
            catch (Exception exception)
            {
                LogWorkItemFailed(_logger, exception, WorkItemKind.Request, GrainId);
            }
        }

        responses.Clear();
    }

    private void AfterTurn()
    {
        if (_runningTurns == 0 && _pendingDeactivation is { } reason && _state == ActivationState.Valid)
        {
            StartDeactivation(reason);
            return;
        }

        AdmitWaiting();
    }

    /// <summary>Starts waiting turns, in order, for as long as the rules allow.</summary>
    private void AdmitWaiting()
    {
        if (_admitting)
        {
            return; // a turn that finished synchronously inside the loop below; the loop continues
        }

        _admitting = true;
        try
        {
            while (_state == ActivationState.Valid && _pendingDeactivation is null
                && _waiting.TryPeek(out var turn) && CanStart(turn.Flags))
            {
                _waiting.Dequeue();
                if (turn.Request is { } request)
                {
                    StartRequest(request);
                }
                else
                {
                    StartTimerTick(turn.Timer!, turn.TimerGeneration);
                }
            }
        }
        finally
        {
            _admitting = false;
        }

        if (_runningTurns == 0 && _pendingDeactivation is { } reason && _state == ActivationState.Valid)
        {
            StartDeactivation(reason);
        }
    }

    private void OnTimerTickArrived(GrainTimer timer, int generation)
    {
        if (timer.IsDisposed || generation != timer.Generation)
        {
            return; // stale: the timer was changed or disposed after this tick fell due
        }

        var turn = new PendingTurn(timer, generation);
        switch (_state)
        {
            case ActivationState.Created or ActivationState.Activating:
                _waiting.Enqueue(turn); // e.g. a timer registered in OnActivateAsync: ticks once activation ends
                return;
            case ActivationState.Deactivating or ActivationState.Invalid:
                return; // its timers are being disposed
        }

        if (_pendingDeactivation is null && ((_waiting.Count == 0 && CanStart(turn.Flags)) || timer.Interleave))
        {
            StartTimerTick(timer, generation);
        }
        else
        {
            _waiting.Enqueue(turn);
        }
    }

    private void StartTimerTick(GrainTimer timer, int generation)
    {
        if (timer.IsDisposed || generation != timer.Generation)
        {
            return;
        }

        if (timer.IsRunning)
        {
            timer.IsDuePending = true; // ticks of one timer never overlap: this one runs when the current one ends
            return;
        }

        timer.IsRunning = true;
        _runningTurns++;
        _ = RunTimerTickAsync(timer);
    }

    private async Task RunTimerTickAsync(GrainTimer timer)
    {
        try
        {
            await timer.InvokeCallbackAsync();
        }
        catch (Exception exception)
        {
            LogTimerFailed(_logger, exception, GrainId);
        }

        // Back inside the activation: the await above resumed through its synchronization context.
        _runningTurns--;
        if (timer.KeepAlive)
        {
            Volatile.Write(ref _lastActivityTimestamp, _silo.TimeProvider.GetTimestamp());
        }

        if (timer.OnTickCompleted())
        {
            EnqueueTimerTick(timer, timer.Generation);
        }

        AfterTurn();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work item {Kind} of {GrainId} failed")]
    private static partial void LogWorkItemFailed(ILogger logger, Exception exception, WorkItemKind kind, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer callback of {GrainId} failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, GrainId grainId);
}
