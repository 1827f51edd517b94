using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Runtime.Invocation;
using Runtime.Storage;
using Runtime.Timers;

namespace Runtime.Activation;

internal enum ActivationState
{
    /// <summary>In the catalog, not yet constructed.</summary>
    Created,

    /// <summary>Constructing, reading state, running OnActivateAsync. Requests wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync. Requests wait, then go to a new activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog. Anything still arriving is forwarded.</summary>
    Invalid,
}

/// <summary>
/// One activation of one grain: the grain object, its inbox and its turn scheduler. The inbox is the
/// only thing other threads touch; everything else is owned by whichever thread-pool thread is running
/// the activation, and at most one is (see ActivationData.Scheduler.cs). Split across three files:
/// this one (identity, grain-facing context), the scheduler, and the lifecycle.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly SiloRuntime _silo;
    private readonly GrainTypeInfo _type;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<WorkItem> _inbox = new();
    private readonly ActivationSynchronizationContext _synchronizationContext;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ActivationState _state;
    private object? _grain;
    private List<IActivationStateLoader>? _stateLoaders;
    private HashSet<GrainTimer>? _timers;

    // Read by the idle collector on its own thread; written by the activation. Timestamps are TimeProvider ticks.
    private long _lastActivityTimestamp;
    private long _keepAliveUntilTimestamp;

    public ActivationData(GrainId grainId, GrainTypeInfo type, SiloRuntime silo)
    {
        GrainId = grainId;
        _type = type;
        _silo = silo;
        _logger = silo.ActivationLogger;
        _synchronizationContext = new ActivationSynchronizationContext(this);
        _lastActivityTimestamp = silo.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public object? GrainInstance => _grain;

    public IGrainRuntime Runtime => _silo.GrainRuntime;

    internal GrainTypeInfo Type => _type;

    internal System.Text.Json.JsonSerializerOptions SerializerOptions => _silo.Serializer.Options;

    /// <summary>True on the thread currently running this activation.</summary>
    internal bool IsCurrent => ReferenceEquals(RuntimeContext.Current, this);

    /// <summary>Whether this activation has left the catalog; references then look up the grain again.</summary>
    internal bool IsInvalid => _state == ActivationState.Invalid;

    /// <summary>Timers registered and not yet disposed.</summary>
    internal int TimerCount => _timers?.Count ?? 0;

    /// <summary>Completes when the activation is gone (deactivated, or failed to activate).</summary>
    internal Task Deactivated => _deactivated.Task;

    public void Deactivate(DeactivationReason reason)
    {
        if (IsCurrent)
        {
            RequestDeactivation(reason);
        }
        else
        {
            Post(new WorkItem(WorkItemKind.Deactivate, null, reason));
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _silo.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * _silo.TimeProvider.TimestampFrequency);
        Volatile.Write(ref _keepAliveUntilTimestamp, until);
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        EnsureCurrent(nameof(RegisterTimer));
        if (_state is ActivationState.Deactivating or ActivationState.Invalid)
        {
            throw new InvalidOperationException($"{GrainId} is deactivating and cannot start timers.");
        }

        var timer = new GrainTimer(this, callback, options, _silo.TimeProvider);
        (_timers ??= []).Add(timer);
        timer.Start();
        return timer;
    }

    /// <summary>Forgets a disposed timer, so that creating and disposing timers leaks nothing.</summary>
    internal void OnTimerDisposed(GrainTimer timer)
    {
        if (IsCurrent)
        {
            _timers?.Remove(timer);
        }
        else
        {
            EnqueueContinuation(
                static state =>
                {
                    var (activation, disposed) = ((ActivationData, GrainTimer))state!;
                    activation._timers?.Remove(disposed);
                },
                (this, timer));
        }
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName, Func<TState> createDefault)
    {
        EnsureCurrent(nameof(GetPersistentState));
        var state = new PersistentState<TState>(stateName, GrainId, _silo.GetGrainStorage(storageName), createDefault);
        (_stateLoaders ??= []).Add(state);
        return state;
    }

    public override string ToString() => $"[Activation {GrainId} {_state}]";

    private void EnsureCurrent(string operation)
    {
        if (!IsCurrent)
        {
            throw new InvalidOperationException($"{operation} must be called from the grain's own code (constructor or a turn of {GrainId}).");
        }
    }
}
