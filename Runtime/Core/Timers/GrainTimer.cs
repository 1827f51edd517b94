using Runtime.Activation;

namespace Runtime.Timers;

/// <summary>
/// A timer whose ticks are turns of its activation. It is re-armed only after a tick's callback
/// completes, so ticks never overlap and a slow callback delays the next tick instead of piling up.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private int _generation;
    private int _generationAtTick;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, TimeProvider timeProvider)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
        _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public bool IsDisposed => _disposed.IsCancellationRequested;

    public void Start() => _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidatePeriod(dueTime, nameof(dueTime));
        ValidatePeriod(period, nameof(period));
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _period = period;
        Interlocked.Increment(ref _generation);
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        // The token source is cancelled, not disposed: a callback still running may yet register on its
        // token, which would throw if it were disposed. It owns no timer, so the GC reclaims it.
        _disposed.Cancel();
        _timer.Dispose();
    }

    /// <summary>Runs the callback; called by the activation as a turn.</summary>
    internal Task InvokeCallbackAsync()
    {
        _generationAtTick = Volatile.Read(ref _generation);
        return _callback(_disposed.Token);
    }

    /// <summary>Re-arms for the next period, unless the timer was changed or disposed during the tick.</summary>
    internal void OnTickCompleted()
    {
        if (IsDisposed || _period == Timeout.InfiniteTimeSpan || Volatile.Read(ref _generation) != _generationAtTick)
        {
            return;
        }

        _timer.Change(_period, Timeout.InfiniteTimeSpan);
    }

    private void OnDue()
    {
        if (!IsDisposed)
        {
            _activation.EnqueueTimerTick(this);
        }
    }

    private static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative or Timeout.InfiniteTimeSpan.");
        }
    }
}
