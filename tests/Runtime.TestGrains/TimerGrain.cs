namespace Runtime.TestGrains;

/// <summary>A grain timer whose ticks are turns of the activation.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();

    Task<int> GetTicksAsync();

    /// <summary>How many times a tick found another turn running (must stay 0).</summary>
    Task<int> GetOverlapsAsync();

    Task<int> SlowCallAsync();

    /// <summary>A timer that may interleave with requests, with slow ticks; changed on every call to <see cref="RestartAsync"/>.</summary>
    Task StartInterleavedAsync(TimeSpan period);

    [AlwaysInterleave]
    Task RestartAsync();

    /// <summary>Whether a tick of the interleaving timer is running right now (interleaves, to look mid-tick).</summary>
    [AlwaysInterleave]
    Task<bool> IsTickingAsync();

    /// <summary>The most ticks of one timer that were ever running at once (must stay 1).</summary>
    Task<int> GetMaxConcurrentTicksAsync();

    /// <summary>Registers and disposes <paramref name="count"/> timers.</summary>
    Task ChurnAsync(int count);
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _insideTurn;
    private int _overlaps;
    private int _insideTick;
    private int _maxInsideTick;
    private TimeSpan _period;

    public Task StartAsync(TimeSpan period)
    {
        _timer = RegisterGrainTimer(TickAsync, period, period);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);

    public Task<int> GetOverlapsAsync() => Task.FromResult(_overlaps);

    public async Task<int> SlowCallAsync()
    {
        Enter();
        await Task.Delay(5);
        _insideTurn--;
        return _ticks;
    }

    public Task StartInterleavedAsync(TimeSpan period)
    {
        _period = period;
        _timer = RegisterGrainTimer(SlowTickAsync, new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = true });
        return Task.CompletedTask;
    }

    public Task RestartAsync()
    {
        _timer!.Change(TimeSpan.Zero, _period);
        return Task.CompletedTask;
    }

    public Task<bool> IsTickingAsync() => Task.FromResult(_insideTick > 0);

    public Task<int> GetMaxConcurrentTicksAsync() => Task.FromResult(_maxInsideTick);

    public Task ChurnAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            RegisterGrainTimer(_ => Task.CompletedTask, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan).Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task SlowTickAsync(CancellationToken cancellationToken)
    {
        _maxInsideTick = Math.Max(_maxInsideTick, ++_insideTick);
        await Task.Delay(50, CancellationToken.None);
        _ticks++;
        _insideTick--;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Yield();
        _ticks++;
        _insideTurn--;
    }

    private void Enter()
    {
        if (++_insideTurn > 1)
        {
            _overlaps++;
        }
    }
}
