using Runtime.Streams;

namespace Runtime;

/// <summary>
/// Base class of every grain. The runtime constructs grains itself (through generated factories)
/// and supplies the activation context while the constructor runs; grains are never created with
/// <c>new</c> by application code.
/// </summary>
/// <remarks>
/// Isolation rule: a grain never shares a mutable object with another grain or with its caller.
/// Arguments and results cross the call boundary either as immutable values (strings, primitives,
/// sealed records whose members are immutable, immutable collections, grain references, types
/// marked <see cref="ImmutableAttribute"/>) or as deep copies made by the runtime. See docs/runtime.md.
/// </remarks>
public abstract class Grain
{
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "Grains are constructed by the runtime, which supplies their activation context. Get a reference from IGrainFactory instead of using 'new'."))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The identity as text, for log lines.</summary>
    public string IdentityString => GrainContext.GrainId.ToString();

    protected IGrainFactory GrainFactory => GrainContext.Runtime.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.Runtime.Services;

    protected TimeProvider TimeProvider => GrainContext.Runtime.TimeProvider;

    /// <summary>Runs after persistent state has been read and before the first request is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once before the activation is discarded. Write dirty state here.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate this activation as soon as the current turn completes.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keep this activation for at least the given time even when idle.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>
    /// A timer whose callback runs as a turn of this activation (not interleaved with requests unless
    /// <see cref="GrainTimerCreationOptions.Interleave"/> is set). Timers are not durable: they stop at
    /// deactivation. Use reminders for anything that must survive it.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterTimer(callback, options);

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });

    protected IStreamProvider GetStreamProvider(string name) => GrainContext.Runtime.GetStreamProvider(name);
}
