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
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _insideTurn;
    private int _overlaps;

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
