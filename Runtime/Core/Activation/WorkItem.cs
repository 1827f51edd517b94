using Runtime.Invocation;
using Runtime.Timers;

namespace Runtime.Activation;

internal enum WorkItemKind : byte
{
    /// <summary>A request arrived. Target: the <see cref="RequestBase"/>.</summary>
    Request,

    /// <summary>An await inside a turn resumed. Target: the callback; State: its state.</summary>
    Continuation,

    /// <summary>A request's method completed on a thread outside the activation. Target: the request.</summary>
    RequestCompleted,

    /// <summary>A timer is due. Target: the <see cref="GrainTimer"/>; State: the boxed generation it fell due in.</summary>
    TimerTick,

    /// <summary>Construct the grain, read its state, run OnActivateAsync.</summary>
    Activate,

    /// <summary>Deactivate when the current turns finish. State: the boxed <see cref="DeactivationReason"/>.</summary>
    Deactivate,

    /// <summary>The collector found the activation idle; deactivate if it still is.</summary>
    CollectIfIdle,
}

/// <summary>An entry of an activation's inbox. A struct, so posting work allocates nothing.</summary>
internal readonly struct WorkItem(WorkItemKind kind, object? target, object? state = null)
{
    public WorkItemKind Kind { get; } = kind;

    public object? Target { get; } = target;

    public object? State { get; } = state;
}

/// <summary>A turn that may not start yet: a request or a timer tick waiting for the running turn to finish.</summary>
internal readonly struct PendingTurn
{
    public PendingTurn(RequestBase request)
    {
        Request = request;
        Flags = request.Method.Flags;
    }

    public PendingTurn(GrainTimer timer, int generation)
    {
        Timer = timer;
        TimerGeneration = generation;
        Flags = timer.Interleave ? InvokeFlags.AlwaysInterleave : InvokeFlags.None;
    }

    public RequestBase? Request { get; }

    public GrainTimer? Timer { get; }

    /// <summary>The timer generation a tick fell due in; a tick of an older generation is dropped.</summary>
    public int TimerGeneration { get; }

    public InvokeFlags Flags { get; }
}
