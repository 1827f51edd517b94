using Runtime.Activation;

namespace Runtime.Timers;

/// <summary>
/// A timer whose ticks are turns of its activation. It is re-armed only after a tick's callback
/// completes, so a slow callback delays the next tick instead of piling them up, and ticks of one timer
/// never overlap, even when they may interleave with requests. Every tick carries the timer's generation:
/// <see cref="Change"/> starts a new one, so ticks queued before the change are dropped.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;
    private int _generation;
    private int _generationAtTick;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, TimeProvider timeProvider)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        DueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
        _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan DueTime { get; }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public bool IsDisposed => _disposed.IsCancellationRequested;

    /// <summary>Increases with every <see cref="Change"/>; a tick of an older generation is stale.</summary>
    public int Generation => Volatile.Read(ref _generation);

    // Owned by the activation's thread.
    internal bool IsRunning { get; set; }

    internal bool IsDuePending { get; set; }

    public void Start() => _timer.Change(DueTime, Timeout.InfiniteTimeSpan);

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
        _activation.OnTimerDisposed(this);
    }

    /// <summary>Runs the callback; called by the activation as a turn.</summary>
    internal Task InvokeCallbackAsync()
    {
        _generationAtTick = Generation;
        return _callback(_disposed.Token);
    }

    /// <summary>
    /// After a tick: true when another tick fell due during it (run it now); otherwise re-arms for the next
    /// period, unless the timer was changed (already re-armed) or disposed meanwhile.
    /// </summary>
    internal bool OnTickCompleted()
    {
        IsRunning = false;
        if (IsDisposed)
        {
            return false;
        }

        if (IsDuePending)
        {
            IsDuePending = false;
            return true;
        }

        if (_period != Timeout.InfiniteTimeSpan && Generation == _generationAtTick)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }

        return false;
    }

    private void OnDue()
    {
        if (!IsDisposed)
        {
            _activation.EnqueueTimerTick(this, Generation);
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
