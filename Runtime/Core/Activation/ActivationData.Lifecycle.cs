using Microsoft.Extensions.Logging;
using Runtime.Storage;

namespace Runtime.Activation;

// Activation and deactivation. Both run as async methods started inside the activation, so each of
// their awaits resumes inside it too and they may touch its state freely. While either runs the
// activation is not Valid, which keeps requests waiting.
internal sealed partial class ActivationData
{
    /// <summary>Called once by the catalog after inserting this activation.</summary>
    internal void Start()
    {
        _type.Statistics.ActivationCreated();
        Post(new WorkItem(WorkItemKind.Activate, null));
    }

    /// <summary>Asks for deactivation when current turns finish; completes when it is gone.</summary>
    internal Task DeactivateAsync(DeactivationReason reason)
    {
        Deactivate(reason);
        return Deactivated;
    }

    /// <summary>Whether the collector should ask this activation to check whether it is idle.</summary>
    internal bool IsCollectionCandidate(long nowTimestamp)
    {
        if (_state != ActivationState.Valid)
        {
            return false;
        }

        var idleTicks = (long)(_type.CollectionAge.TotalSeconds * _silo.TimeProvider.TimestampFrequency);
        return nowTimestamp - Volatile.Read(ref _lastActivityTimestamp) >= idleTicks
            && nowTimestamp >= Volatile.Read(ref _keepAliveUntilTimestamp);
    }

    internal void EnqueueCollectIfIdle() => Post(new WorkItem(WorkItemKind.CollectIfIdle, null));

    private async Task ActivateAsync()
    {
        _state = ActivationState.Activating;
        var timeout = _silo.Options.ActivationTimeout;
        try
        {
            using var cancellation = new CancellationTokenSource(timeout, _silo.TimeProvider);
            _grain = _type.Class.Create(this);
            if (_stateLoaders is not null)
            {
                foreach (var loader in _stateLoaders)
                {
                    await loader.LoadAsync(cancellation.Token).WaitAsync(timeout, _silo.TimeProvider);
                }
            }

            if (_grain is Grain grain)
            {
                await grain.OnActivateAsync(cancellation.Token).WaitAsync(timeout, _silo.TimeProvider);
            }
        }
        catch (Exception exception)
        {
            OnActivationFailed(exception);
            return;
        }

        _state = ActivationState.Valid;
        Volatile.Write(ref _lastActivityTimestamp, _silo.TimeProvider.GetTimestamp());
        LogActivated(_logger, GrainId);
        AdmitWaiting();
    }

    private void OnActivationFailed(Exception exception)
    {
        LogActivationFailed(_logger, exception, GrainId);
        _type.Statistics.ActivationFailed();
        StopTimers();
        _state = ActivationState.Invalid;
        _silo.Catalog.Remove(this);
        _type.Statistics.ActivationRemoved(wasActive: false);

        // Everyone waiting hears why. Later requests create a fresh activation, which tries again.
        var failure = new ActivationFailedException(GrainId, exception);
        while (_waiting.TryDequeue(out var turn))
        {
            if (turn.Request is { } request)
            {
                _silo.Dispatcher.Fail(request, failure);
            }
        }

        _deactivated.TrySetResult();
    }

    private void RequestDeactivation(DeactivationReason reason)
    {
        if (_state is ActivationState.Deactivating or ActivationState.Invalid)
        {
            return;
        }

        _pendingDeactivation ??= reason;
        if (_state == ActivationState.Valid && _runningTurns == 0)
        {
            StartDeactivation(_pendingDeactivation.Value);
        }

        // Otherwise: when the activation finishes activating or its running turns end, AdmitWaiting/AfterTurn start it.
    }

    private void CollectIfIdle()
    {
        if (_runningTurns == 0 && _waiting.Count == 0 && IsCollectionCandidate(_silo.TimeProvider.GetTimestamp()))
        {
            RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for longer than {_type.CollectionAge}."));
        }
    }

    private void StartDeactivation(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        _pendingDeactivation = null;
        _ = RunDeactivationAsync(reason);
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        StopTimers();
        if (_grain is Grain grain)
        {
            var timeout = _silo.Options.DeactivationTimeout;
            try
            {
                using var cancellation = new CancellationTokenSource(timeout, _silo.TimeProvider);
                await grain.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(timeout, _silo.TimeProvider);
            }
            catch (Exception exception)
            {
                LogDeactivationFailed(_logger, exception, GrainId);
            }
        }

        _state = ActivationState.Invalid;
        _silo.Catalog.Remove(this);
        _type.Statistics.ActivationRemoved(wasActive: true);
        LogDeactivated(_logger, GrainId, reason);

        // Requests that arrived meanwhile go to the grain's next activation.
        while (_waiting.TryDequeue(out var turn))
        {
            if (turn.Request is { } request)
            {
                _silo.Dispatcher.Forward(request);
            }
        }

        _deactivated.TrySetResult();
    }

    private void StopTimers()
    {
        var timers = _timers;
        _timers = null; // first: disposing a timer removes it from the set
        foreach (var timer in timers ?? [])
        {
            timer.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activated {GrainId}")]
    private static partial void LogActivated(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason})")]
    private static partial void LogDeactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activation of {GrainId} failed")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed; deactivating anyway")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId);
}
